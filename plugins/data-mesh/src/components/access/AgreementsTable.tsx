import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Agreement } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  dataMeshApiRef,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dataMeshTranslationRef } from '../../translation';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { serverMessage, untilDateTime } from './accessRules';
import {
  AGREEMENT_STATES,
  agreementActions,
  renewalDay,
} from './agreementActions';
import { TextDecisionDialog } from './TextDecisionDialog';

type Asking = { verb: 'revoke' | 'renew'; agreement: Agreement };

/**
 * A product's agreements: consumer, port, purpose, approver, expiry and
 * state. Deciders revoke them (saying why) and retry failed provisioning;
 * consumers renew theirs close to expiry.
 */
export function AgreementsTable(props: {
  agreements: Agreement[];
  me: string;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { me, canDecide, onChanged } = props;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const api = useApi(dataMeshApiRef);
  const [asking, setAsking] = useState<Asking>();
  const [state, act] = useAsyncFn(
    async (verb: 'revoke' | 'renew' | 'retry', id: string, value = '') => {
      if (verb === 'revoke') await api.revokeAgreement(id, { reason: value });
      if (verb === 'retry') await api.retryAgreement(id);
      if (verb === 'renew') {
        await api.renewAgreement(id, { until: untilDateTime(value) });
      }
      setAsking(undefined);
      onChanged();
    },
    [api, onChanged],
  );
  const failure =
    state.error &&
    t('cards.access.decision.failed', { message: serverMessage(state.error) });
  return (
    <>
      {failure && !asking && (
        <Typography variant="body2" color="error" role="alert">
          {failure}
        </Typography>
      )}
      <Table size="small" aria-label={t('cards.access.agreements')}>
        <ColumnHeaders
          columns={[
            'Consumer',
            'Port',
            'Purpose',
            'Approved by',
            'Expires',
            'State',
            '',
          ]}
        />
        <TableBody>
          {props.agreements.map(agreement => {
            const can = agreementActions(agreement, { me, canDecide });
            const who = agreement.consumer;
            return (
              <TableRow key={agreement.id}>
                <RowHeader>
                  <EntityRefLink entityRef={who} />
                </RowHeader>
                <TableCell>{agreement.port}</TableCell>
                <TableCell>{agreement.purpose}</TableCell>
                <TableCell>
                  <EntityRefLink entityRef={agreement.approvedBy} />
                </TableCell>
                <TableCell>{formatDateTime(agreement.expiresAt)}</TableCell>
                <TableCell>
                  <strong>{AGREEMENT_STATES[agreement.status]}</strong>
                  {agreement.statusReason && (
                    <Typography variant="caption" display="block">
                      {agreement.statusReason}
                    </Typography>
                  )}
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {can.retry && (
                    <Button
                      size="small"
                      color="primary"
                      disabled={state.loading}
                      aria-label={`Retry the agreement of ${who}`}
                      onClick={() => act('retry', agreement.id)}
                    >
                      {t('cards.access.retry')}
                    </Button>
                  )}
                  {can.revoke && (
                    <Button
                      size="small"
                      aria-label={`Revoke the agreement of ${who}`}
                      onClick={() => setAsking({ verb: 'revoke', agreement })}
                    >
                      {t('cards.access.revoke')}
                    </Button>
                  )}
                  {can.renew && (
                    <Button
                      size="small"
                      color="primary"
                      aria-label={`Renew the agreement of ${who}`}
                      onClick={() => setAsking({ verb: 'renew', agreement })}
                    >
                      {t('cards.access.renew')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {props.agreements.length === 0 && (
        <Typography variant="body2">
          {t('cards.access.noAgreements')}
        </Typography>
      )}
      {asking && (
        <TextDecisionDialog
          id={`${asking.verb}-${asking.agreement.id}`}
          title={t(`cards.access.decision.${asking.verb}Title`, {
            consumer: asking.agreement.consumer,
          })}
          label={t(
            asking.verb === 'revoke'
              ? 'cards.access.decision.reason'
              : 'cards.access.decision.newUntil',
          )}
          type={asking.verb === 'renew' ? 'date' : 'text'}
          initial={asking.verb === 'renew' ? renewalDay(asking.agreement) : ''}
          action={t(`cards.access.${asking.verb}`)}
          cancel={t('cards.access.cancel')}
          required
          busy={state.loading}
          error={failure}
          onCancel={() => setAsking(undefined)}
          onConfirm={value => act(asking.verb, asking.agreement.id, value)}
        />
      )}
    </>
  );
}
