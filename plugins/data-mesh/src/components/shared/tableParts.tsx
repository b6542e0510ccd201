import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

/** A table's head: one column header per name, on one line each. */
export function ColumnHeaders(props: { columns: string[] }) {
  return (
    <TableHead>
      <TableRow style={{ whiteSpace: 'nowrap' }}>
        {props.columns.map(column => (
          <TableCell key={column} scope="col">
            {column}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/**
 * The cell that names its row. Material UI gives body cells the role `cell`
 * even as `<th>`: the role makes screen readers announce it as the header.
 */
export function RowHeader(props: {
  children: ReactNode;
  /** A second, smaller line, such as a description. */
  caption?: ReactNode;
  nowrap?: boolean;
}) {
  return (
    <TableCell
      component="th"
      scope="row"
      role="rowheader"
      style={props.nowrap ? { whiteSpace: 'nowrap' } : undefined}
    >
      {props.children}
      {props.caption && (
        <Typography variant="caption" display="block">
          {props.caption}
        </Typography>
      )}
    </TableCell>
  );
}
