import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import type { KpiDateRange } from './useDateRange';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  interval: { minWidth: 120 },
}));

/** From and to days and the interval of the KPI trends. */
export function DateRangeControls(props: {
  range: KpiDateRange;
  onChange: (change: Partial<KpiDateRange>) => void;
}) {
  const classes = useStyles();
  const { range, onChange } = props;
  return (
    <div className={classes.bar} role="group" aria-label="Date range">
      {(['from', 'to'] as const).map(bound => (
        <TextField
          key={bound}
          id={`data-mesh-kpi-${bound}`}
          label={bound === 'from' ? 'From' : 'To'}
          type="date"
          size="small"
          variant="outlined"
          value={range[bound]}
          inputProps={
            bound === 'from' ? { max: range.to } : { min: range.from }
          }
          InputLabelProps={{ shrink: true }}
          onChange={e =>
            e.target.value && onChange({ [bound]: e.target.value })
          }
        />
      ))}
      <FormControl variant="outlined" size="small" className={classes.interval}>
        <InputLabel id="data-mesh-kpi-interval-label">Interval</InputLabel>
        <Select
          labelId="data-mesh-kpi-interval-label"
          id="data-mesh-kpi-interval"
          label="Interval"
          value={range.interval}
          onChange={e =>
            onChange({ interval: e.target.value as KpiDateRange['interval'] })
          }
        >
          <MenuItem value="day">Day</MenuItem>
          <MenuItem value="week">Week</MenuItem>
        </Select>
      </FormControl>
    </div>
  );
}
