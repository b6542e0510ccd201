import { identityApiRef } from '@backstage/core-plugin-api';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  dataMeshApiRef,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshTranslationRef } from '../../translation';
import { SectionCard } from '../shared/SectionCard';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { PendingRequestsTable } from './PendingRequestsTable';

const STATUS: Record<AccessRequest['status'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
};

function MyRequestsTable(props: { requests: AccessRequest[] }) {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  if (props.requests.length === 0) {
    return <Typography>{t('myRequests.noneMine')}</Typography>;
  }
  return (
    <Table size="small" aria-label={t('myRequests.mine')}>
      <ColumnHeaders
        columns={['Product', 'Port', 'Consumer', 'Purpose', 'Until', 'Status']}
      />
      <TableBody>
        {props.requests.map(request => (
          <TableRow key={request.id}>
            <RowHeader>
              <EntityRefLink entityRef={request.product} />
            </RowHeader>
            <TableCell>{request.port}</TableCell>
            <TableCell>
              <EntityRefLink entityRef={request.consumer} />
            </TableCell>
            <TableCell>{request.purpose}</TableCell>
            <TableCell>{formatDateTime(request.until)}</TableCell>
            <TableCell>
              <strong>{STATUS[request.status]}</strong>
              {request.decidedBy && (
                <Typography variant="caption" display="block">
                  {request.decidedBy}
                  {request.comment && `: ${request.comment}`}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The access requests the signed-in user made, with their status, and the
 * pending requests of the products they may decide, to approve or reject.
 */
export function MyAccessRequests() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const api = useApi(dataMeshApiRef);
  const identityApi = useApi(identityApiRef);
  const state = useAsyncRetry(async () => {
    const [mine, pending, identity] = await Promise.all([
      api.listAccessRequests({ mine: 'true' }),
      api.listAccessRequests({ status: 'pending' }),
      identityApi.getBackstageIdentity(),
    ]);
    const me = identity.userEntityRef;
    return {
      me,
      mine: mine.items,
      awaiting: pending.items.filter(r => r.requestedBy !== me),
    };
  }, [api, identityApi]);
  return (
    <AsyncContent {...state} emptyTitle={t('myRequests.noneMine')}>
      {value => (
        <Grid container spacing={3} direction="column">
          <Grid item>
            <SectionCard title={t('myRequests.mine')}>
              <MyRequestsTable requests={value.mine} />
            </SectionCard>
          </Grid>
          <Grid item>
            <SectionCard title={t('myRequests.awaiting')}>
              {value.awaiting.length ? (
                <PendingRequestsTable
                  requests={value.awaiting}
                  me={value.me}
                  canDecide
                  showProduct
                  onDecided={state.retry}
                />
              ) : (
                <Typography>{t('myRequests.noneAwaiting')}</Typography>
              )}
            </SectionCard>
          </Grid>
        </Grid>
      )}
    </AsyncContent>
  );
}
