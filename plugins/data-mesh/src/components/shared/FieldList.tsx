import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { NO_VALUE } from '@datamesh-backstage/plugin-data-mesh-react';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: theme.spacing(2),
    margin: 0,
  },
  term: {
    color: theme.palette.text.secondary,
    fontSize: '0.75rem',
    fontWeight: 'bold',
    letterSpacing: 0.5,
    textTransform: 'uppercase',
  },
  value: { margin: 0, wordBreak: 'break-word' },
}));

/** One labelled value of a {@link FieldList}. */
export interface Field {
  label: string;
  value: ReactNode;
  /** Spans the whole width (descriptions, lists of links). */
  wide?: boolean;
}

/** Labelled values as a description list, in a responsive grid. */
export function FieldList(props: { fields: Field[] }) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.fields.map(field => (
        <div
          key={field.label}
          style={field.wide ? { gridColumn: '1 / -1' } : undefined}
        >
          <dt className={classes.term}>{field.label}</dt>
          <dd className={classes.value}>
            {field.value === undefined ||
            field.value === null ||
            field.value === '' ? (
              <Typography variant="body2" color="textSecondary">
                {NO_VALUE}
              </Typography>
            ) : (
              <Typography variant="body2" component="div">
                {field.value}
              </Typography>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
