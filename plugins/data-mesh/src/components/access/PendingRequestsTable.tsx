import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { AccessRequest } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  dataMeshApiRef,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dataMeshTranslationRef } from '../../translation';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { serverMessage } from './accessRules';
import { TextDecisionDialog } from './TextDecisionDialog';

type Verb = 'approve' | 'reject';

/**
 * Access requests waiting for a decision. Deciders (`canDecide`) approve
 * them, with an optional comment, or reject them, saying why; nobody is
 * offered to approve their own request.
 */
export function PendingRequestsTable(props: {
  requests: AccessRequest[];
  me: string;
  canDecide: boolean;
  showProduct?: boolean;
  onDecided: () => void;
}) {
  const { me, canDecide, onDecided } = props;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const api = useApi(dataMeshApiRef);
  const [deciding, setDeciding] = useState<{
    verb: Verb;
    request: AccessRequest;
  }>();
  const [state, decide] = useAsyncFn(
    async (verb: Verb, request: AccessRequest, comment: string) => {
      if (verb === 'approve') {
        await api.approveAccessRequest(request.id, comment ? { comment } : {});
      } else {
        await api.rejectAccessRequest(request.id, { comment });
      }
      setDeciding(undefined);
      onDecided();
    },
    [api, onDecided],
  );
  const columns = [
    ...(props.showProduct ? ['Product'] : []),
    'Consumer',
    'Port',
    'Purpose',
    'Fields',
    'Until',
    'Requested by',
    ...(canDecide ? ['Decision'] : []),
  ];
  return (
    <>
      <Table size="small" aria-label={t('cards.access.pending')}>
        <ColumnHeaders columns={columns} />
        <TableBody>
          {props.requests.map(request => (
            <TableRow key={request.id}>
              {props.showProduct && (
                <TableCell>
                  <EntityRefLink entityRef={request.product} />
                </TableCell>
              )}
              <RowHeader>
                <EntityRefLink entityRef={request.consumer} />
              </RowHeader>
              <TableCell>{request.port}</TableCell>
              <TableCell>{request.purpose}</TableCell>
              <TableCell>{request.fields.join(', ') || 'All'}</TableCell>
              <TableCell>{formatDateTime(request.until)}</TableCell>
              <TableCell>
                <EntityRefLink entityRef={request.requestedBy} />
              </TableCell>
              {canDecide && (
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {request.requestedBy !== me && (
                    <Button
                      size="small"
                      color="primary"
                      aria-label={`Approve the request of ${request.consumer}`}
                      onClick={() => setDeciding({ verb: 'approve', request })}
                    >
                      {t('cards.access.approve')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    aria-label={`Reject the request of ${request.consumer}`}
                    onClick={() => setDeciding({ verb: 'reject', request })}
                  >
                    {t('cards.access.reject')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.requests.length === 0 && (
        <Typography variant="body2">{t('cards.access.noPending')}</Typography>
      )}
      {deciding && (
        <TextDecisionDialog
          id={`${deciding.verb}-${deciding.request.id}`}
          title={t(
            deciding.verb === 'approve'
              ? 'cards.access.decision.approveTitle'
              : 'cards.access.decision.rejectTitle',
            { consumer: deciding.request.consumer },
          )}
          label={t('cards.access.decision.comment')}
          action={t(`cards.access.${deciding.verb}`)}
          cancel={t('cards.access.cancel')}
          required={deciding.verb === 'reject'}
          busy={state.loading}
          error={
            state.error &&
            t('cards.access.decision.failed', {
              message: serverMessage(state.error),
            })
          }
          onCancel={() => setDeciding(undefined)}
          onConfirm={comment =>
            decide(deciding.verb, deciding.request, comment)
          }
        />
      )}
    </>
  );
}
