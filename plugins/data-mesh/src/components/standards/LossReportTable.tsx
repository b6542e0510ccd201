import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { LossReportItem } from '@datamesh-backstage/plugin-data-mesh-common';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';

/**
 * The fields a conversion could not carry over: one row per field, by its
 * path in the file it comes from, with why.
 */
export function LossReportTable(props: {
  /** The table's accessible name. */
  label: string;
  entries: LossReportItem[];
}) {
  return (
    <Table size="small" aria-label={props.label}>
      <ColumnHeaders columns={['Field', 'File', 'Why it has no place']} />
      <TableBody>
        {props.entries.map((entry, index) => (
          <TableRow key={`${index}-${entry.file}-${entry.path}`}>
            <RowHeader>
              <code>{entry.path || '(whole file)'}</code>
            </RowHeader>
            <TableCell style={{ whiteSpace: 'nowrap' }}>{entry.file}</TableCell>
            <TableCell>{entry.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
