import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { downloadCsv } from './kpiCsv';

/** Downloads a CSV file made on click; disabled until there is data. */
export function CsvButton(props: {
  label: string;
  filename: string;
  csv: (() => string) | undefined;
}) {
  const { csv, filename } = props;
  return (
    <Button
      startIcon={<GetAppIcon />}
      disabled={!csv}
      onClick={() => csv && downloadCsv(filename, csv())}
    >
      {props.label}
    </Button>
  );
}
