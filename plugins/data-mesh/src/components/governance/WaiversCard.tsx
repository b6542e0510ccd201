import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  formatDateTime,
  useProductWaivers,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { DataProductCard } from '../product/DataProductCard';

const SOURCES: Record<Waiver['source'], string> = {
  entity: 'Product spec',
  api: 'Governance API',
};

function WaiversTable(props: { waivers: Waiver[] }) {
  return (
    <Table size="small" aria-label="Waivers">
      <ColumnHeaders
        columns={['Rule', 'Reason', 'Expires', 'Source', 'Granted by']}
      />
      <TableBody>
        {props.waivers.map(waiver => (
          <TableRow key={`${waiver.source}-${waiver.ruleId}`}>
            <RowHeader>
              <code>{waiver.ruleId}</code>
            </RowHeader>
            <TableCell>{waiver.reason}</TableCell>
            <TableCell>{formatDateTime(waiver.expiresAt)}</TableCell>
            <TableCell>{SOURCES[waiver.source] ?? waiver.source}</TableCell>
            <TableCell>
              {waiver.createdBy
                ? `${waiver.createdBy}, ${formatDateTime(waiver.createdAt)}`
                : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function WaiversContent(props: { entityRef: string }) {
  const waivers = useProductWaivers(props.entityRef);
  return (
    <AsyncContent
      {...waivers}
      loadingLabel="Loading waivers"
      isEmpty={items => items.length === 0}
      emptyTitle="No waivers"
      emptyDescription="Every rule that applies to this product counts towards its score."
    >
      {items => <WaiversTable waivers={items} />}
    </AsyncContent>
  );
}

/** The waivers of the product: rule, reason, expiry and who granted it. */
export function WaiversCard() {
  return (
    <DataProductCard title="Waivers">
      {({ entityRef }) => <WaiversContent entityRef={entityRef} />}
    </DataProductCard>
  );
}
