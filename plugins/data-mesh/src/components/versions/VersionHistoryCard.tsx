import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ProductVersion } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  dataMeshApiRef,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshTranslationRef } from '../../translation';
import { DataProductCard } from '../product/DataProductCard';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';

function Changes(props: { version: ProductVersion; first: boolean }) {
  const { version } = props;
  if (props.first) {
    return <Typography variant="body2">First version seen</Typography>;
  }
  if (version.changes.length === 0) {
    return <Typography variant="body2">Contract unchanged</Typography>;
  }
  return (
    <>
      {version.changes.map(change => (
        <Typography
          key={`${change.kind}:${change.path}:${change.message}`}
          variant="body2"
          display="block"
        >
          {change.breaking && (
            <Chip
              size="small"
              label={version.majorBump ? 'Breaking' : 'Breaking, unannounced'}
              color={version.majorBump ? 'default' : 'secondary'}
              style={{ marginRight: 8 }}
            />
          )}
          {change.message}
        </Typography>
      ))}
    </>
  );
}

function VersionTable(props: { versions: ProductVersion[] }) {
  const newestFirst = props.versions
    .map((version, index) => ({ version, first: index === 0 }))
    .reverse();
  return (
    <Table size="small" aria-label="Versions of the product">
      <ColumnHeaders
        columns={['Version', 'Lifecycle', 'First seen', 'Changes']}
      />
      <TableBody>
        {newestFirst.map(({ version, first }) => (
          <TableRow key={version.seenAt}>
            <RowHeader>{version.version ?? 'none'}</RowHeader>
            <TableCell>{version.lifecycle}</TableCell>
            <TableCell>{formatDateTime(version.seenAt)}</TableCell>
            <TableCell>
              <Changes version={version} first={first} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function VersionContent(props: { entityRef: string }) {
  const api = useApi(dataMeshApiRef);
  const state = useAsyncRetry(
    async () => (await api.getVersionHistory(props.entityRef)).items,
    [api, props.entityRef],
  );
  return (
    <AsyncContent
      loading={state.loading}
      error={state.error}
      value={state.value}
      retry={state.retry}
      loadingLabel="Loading the version history"
      isEmpty={items => items.length === 0}
      emptyTitle="No version seen yet"
      emptyDescription="Each version of the product's contract (schema, ports, SLOs) is recorded when governance first evaluates it."
    >
      {items => <VersionTable versions={items} />}
    </AsyncContent>
  );
}

/**
 * The versions of the product's contract the suite has seen, newest first,
 * with what changed since the one before; breaking changes are marked, and
 * those made without a major version bump stand out.
 */
export function VersionHistoryCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.versions.title')}>
      {({ entityRef }) => <VersionContent entityRef={entityRef} />}
    </DataProductCard>
  );
}
