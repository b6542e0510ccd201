import { useApi } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { DeprecatedProduct } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  dataMeshApiRef,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SectionCard } from '../shared/SectionCard';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';

function DeprecatedTable(props: { items: DeprecatedProduct[] }) {
  return (
    <Table size="small" aria-label="Deprecated data products still read">
      <ColumnHeaders
        columns={['Product', 'Sunset', 'Successor', 'Still read by']}
      />
      <TableBody>
        {props.items.map(item => (
          <TableRow key={item.entityRef}>
            <RowHeader>
              <EntityRefLink entityRef={item.entityRef} title={item.title} />
            </RowHeader>
            <TableCell>
              {item.sunset}
              {item.sunsetPassed ? ' (passed)' : ''}
            </TableCell>
            <TableCell>
              {item.successor ? (
                <EntityRefLink entityRef={item.successor} />
              ) : (
                'none named'
              )}
            </TableCell>
            <TableCell>
              {item.consumers.map((consumer, i) => (
                <span key={consumer}>
                  {i > 0 && ', '}
                  <EntityRefLink entityRef={consumer} />
                </span>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * For governance: deprecated data products that entities still read,
 * soonest sunset first, with their successor and who still reads them.
 */
export function DeprecatedProductsCard() {
  const api = useApi(dataMeshApiRef);
  const state = useAsyncRetry(
    async () => (await api.listDeprecatedProducts()).items,
    [api],
  );
  return (
    <SectionCard title="Deprecated data products still read">
      <AsyncContent
        {...state}
        loadingLabel="Loading deprecated data products"
        isEmpty={items => items.length === 0}
        emptyTitle="No deprecated data product is still read"
        emptyDescription="Products with a sunset date that entities still read appear here."
      >
        {items => <DeprecatedTable items={items} />}
      </AsyncContent>
    </SectionCard>
  );
}
