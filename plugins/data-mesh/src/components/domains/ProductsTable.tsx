import { EntityRefLink } from '@backstage/plugin-catalog-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import type {
  ScorecardOrderField,
  ScorecardPage,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  CursorPaging,
  ScorecardStatusLabel,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { RowHeader } from '../shared/tableParts';
import { PAGE_SIZES, ProductListQuery } from './useProductListQuery';

const COLUMNS: Array<{ label: string; sortBy?: ScorecardOrderField }> = [
  { label: 'Product', sortBy: 'entityRef' },
  { label: 'Type', sortBy: 'type' },
  { label: 'Status', sortBy: 'status' },
  { label: 'Score', sortBy: 'score' },
  { label: 'Errors' },
  { label: 'Warnings' },
  { label: 'Waived' },
  { label: 'Owner' },
  { label: 'Evaluated' },
];

/** Props of {@link ProductsTable}. */
export interface ProductsTableProps {
  label: string;
  page: ScorecardPage;
  query: ProductListQuery;
  onQueryChange: (change: Partial<ProductListQuery>) => void;
  paging: CursorPaging;
  loading: boolean;
}

/**
 * One page of product scorecards. Sorting, page size and paging are done by
 * the server: the table never holds more rows than it shows.
 */
export function ProductsTable(props: ProductsTableProps) {
  const { page, query, paging } = props;
  const first = paging.page * query.limit + 1;
  const sortBy = (field: ScorecardOrderField) =>
    props.onQueryChange({
      orderBy: field,
      order: query.orderBy === field && query.order === 'asc' ? 'desc' : 'asc',
    });
  return (
    <>
      {props.loading && <LinearProgress aria-label="Loading products" />}
      <Table size="small" aria-label={props.label}>
        <caption>
          {page.totalItems === 0
            ? 'No products match.'
            : `Products ${first}–${first + page.items.length - 1} of ${
                page.totalItems
              }`}
        </caption>
        <TableHead>
          <TableRow style={{ whiteSpace: 'nowrap' }}>
            {COLUMNS.map(column => {
              const active = column.sortBy === query.orderBy;
              return (
                <TableCell
                  key={column.label}
                  scope="col"
                  aria-sort={
                    active
                      ? (`${query.order}ending` as 'ascending' | 'descending')
                      : undefined
                  }
                >
                  {column.sortBy ? (
                    <TableSortLabel
                      active={active}
                      direction={active ? query.order : 'asc'}
                      onClick={() => sortBy(column.sortBy!)}
                    >
                      {column.label}
                    </TableSortLabel>
                  ) : (
                    column.label
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {page.items.map(item => (
            <TableRow key={item.entityRef}>
              <RowHeader>
                <EntityRefLink entityRef={item.entityRef} />
              </RowHeader>
              <TableCell>{item.type}</TableCell>
              <TableCell>
                <ScorecardStatusLabel status={item.status} />
              </TableCell>
              <TableCell>{item.score}</TableCell>
              <TableCell>{item.errorCount}</TableCell>
              <TableCell>{item.warningCount}</TableCell>
              <TableCell>{item.waivedCount}</TableCell>
              <TableCell>
                {item.owner && <EntityRefLink entityRef={item.owner} />}
              </TableCell>
              <TableCell>{formatDateTime(item.evaluatedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={page.totalItems}
        page={paging.page}
        rowsPerPage={query.limit}
        rowsPerPageOptions={
          PAGE_SIZES.includes(query.limit)
            ? PAGE_SIZES
            : [...PAGE_SIZES, query.limit].sort((a, b) => a - b)
        }
        onPageChange={(_event, next) => {
          if (next > paging.page && page.nextCursor) {
            paging.next(page.nextCursor);
          } else if (next < paging.page) {
            paging.previous();
          }
        }}
        onRowsPerPageChange={event =>
          props.onQueryChange({ limit: Number(event.target.value) })
        }
        nextIconButtonProps={{ disabled: !page.nextCursor || props.loading }}
        backIconButtonProps={{ disabled: paging.page === 0 || props.loading }}
      />
    </>
  );
}
