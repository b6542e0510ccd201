import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import {
  DATA_PRODUCT_TYPES,
  SCORECARD_STATUSES,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { scorecardStatusLabel } from '@datamesh-backstage/plugin-data-mesh-react';
import type { ProductListQuery } from './useProductListQuery';

const useStyles = makeStyles(theme => ({
  bar: { display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap' },
  control: { minWidth: 180 },
}));

const ALL = '';

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const labelId = `${props.id}-label`;
  return (
    <FormControl variant="outlined" size="small" className={classes.control}>
      <InputLabel id={labelId} shrink>
        {props.label}
      </InputLabel>
      <Select
        labelId={labelId}
        id={props.id}
        value={props.value ?? ALL}
        displayEmpty
        input={<OutlinedInput notched label={props.label} />}
        onChange={e => props.onChange((e.target.value as string) || undefined)}
      >
        <MenuItem value={ALL}>All</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Score bands a governance team looks at; bounds are inclusive. */
export const SCORE_BANDS = [
  { value: 'critical', label: 'Below 50', maxScore: 49.99 },
  { value: 'poor', label: '50 to 79', minScore: 50, maxScore: 79.99 },
  { value: 'good', label: '80 to 99', minScore: 80, maxScore: 99.99 },
  { value: 'perfect', label: '100', minScore: 100 },
] as const;

function scoreBandOf(query: ProductListQuery): string | undefined {
  return SCORE_BANDS.find(
    band =>
      ('minScore' in band ? band.minScore : undefined) === query.minScore &&
      ('maxScore' in band ? band.maxScore : undefined) === query.maxScore,
  )?.value;
}

/** Status, type and score filters of a product list; the server applies them. */
export function ProductFilters(props: {
  query: ProductListQuery;
  onChange: (change: Partial<ProductListQuery>) => void;
}) {
  const classes = useStyles();
  return (
    <div className={classes.bar} role="group" aria-label="Filter products">
      <FilterSelect
        id="data-mesh-status-filter"
        label="Status"
        value={props.query.status}
        options={SCORECARD_STATUSES.map(status => ({
          value: status,
          label: scorecardStatusLabel(status),
        }))}
        onChange={status =>
          props.onChange({ status: status as ProductListQuery['status'] })
        }
      />
      <FilterSelect
        id="data-mesh-type-filter"
        label="Type"
        value={props.query.type}
        options={DATA_PRODUCT_TYPES.map(type => ({ value: type, label: type }))}
        onChange={type =>
          props.onChange({ type: type as ProductListQuery['type'] })
        }
      />
      <FilterSelect
        id="data-mesh-score-filter"
        label="Score"
        value={scoreBandOf(props.query)}
        options={SCORE_BANDS.map(({ value, label }) => ({ value, label }))}
        onChange={value => {
          const band = SCORE_BANDS.find(b => b.value === value);
          props.onChange({
            minScore: band && 'minScore' in band ? band.minScore : undefined,
            maxScore: band && 'maxScore' in band ? band.maxScore : undefined,
          });
        }}
      />
    </div>
  );
}
