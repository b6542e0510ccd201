import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  dataMeshWaiverApprovePermission,
  ScorecardWaiver,
  WaiverStanding,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  dataMeshApiRef,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ColumnHeaders, RowHeader } from '../shared/tableParts';
import { RejectWaiverDialog } from './RejectWaiverDialog';

const STANDINGS: Record<WaiverStanding, string> = {
  'in-force': 'In force',
  'pending-approval': 'Waiting for approval',
  rejected: 'Rejected',
  revoked: 'Revoked',
  expired: 'Expired',
  'unknown-rule': 'Unknown rule',
  'rule-not-applicable': 'Rule does not apply',
  'missing-reason': 'No reason',
  'invalid-expiry': 'Invalid expiry',
  'expiry-too-far': 'Runs too long',
};

const SOURCES: Record<ScorecardWaiver['source'], string> = {
  entity: 'Product spec',
  api: 'Governance API',
};

/** The backend's message of a failed request (a ResponseError's body). */
const serverMessage = (error: Error) =>
  (error as { body?: { error?: { message?: string } } }).body?.error?.message ??
  error.message;

type Decision =
  | { verb: 'approve'; waiver: ScorecardWaiver }
  | { verb: 'reject'; waiver: ScorecardWaiver; comment: string };

/**
 * Every waiver of a product, with whether it counts and why not. People
 * holding `data-mesh.waiver.approve` for the product approve or reject the
 * pending ones here; `onDecided` then reloads the scorecard.
 */
export function ScorecardWaivers(props: {
  entityRef: string;
  waivers: ScorecardWaiver[];
  onDecided: () => void;
}) {
  const { entityRef, onDecided } = props;
  const api = useApi(dataMeshApiRef);
  const { allowed } = usePermission({
    permission: dataMeshWaiverApprovePermission,
    resourceRef: entityRef,
  });
  const [rejecting, setRejecting] = useState<ScorecardWaiver>();
  const [state, decide] = useAsyncFn(
    async (decision: Decision) => {
      const { ruleId, source } = decision.waiver;
      if (decision.verb === 'approve') {
        await api.approveWaiver(entityRef, ruleId, { source });
      } else {
        await api.rejectWaiver(entityRef, ruleId, {
          source,
          comment: decision.comment,
        });
      }
      onDecided();
    },
    [api, entityRef, onDecided],
  );
  const decidable = allowed && props.waivers.some(w => w.status === 'pending');
  return (
    <>
      {state.error && (
        <Typography variant="body2" color="error" role="alert">
          The decision failed: {serverMessage(state.error)}
        </Typography>
      )}
      <Table size="small" aria-label="Waivers">
        <ColumnHeaders
          columns={[
            'Rule',
            'Reason',
            'Expires',
            'Source',
            'Counts',
            ...(decidable ? ['Decision'] : []),
          ]}
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
                <strong>
                  {waiver.counts ? 'Yes' : 'No'}: {STANDINGS[waiver.standing]}
                </strong>
                <Typography variant="caption" display="block">
                  {waiver.explanation}
                </Typography>
              </TableCell>
              {decidable && (
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {waiver.status === 'pending' && (
                    <>
                      <Button
                        size="small"
                        color="primary"
                        disabled={state.loading}
                        aria-label={`Approve the waiver of ${waiver.ruleId}`}
                        onClick={() => decide({ verb: 'approve', waiver })}
                      >
                        Approve
                      </Button>
                      <Button
                        size="small"
                        disabled={state.loading}
                        aria-label={`Reject the waiver of ${waiver.ruleId}`}
                        onClick={() => setRejecting(waiver)}
                      >
                        Reject
                      </Button>
                    </>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rejecting && (
        <RejectWaiverDialog
          open
          ruleId={rejecting.ruleId}
          onCancel={() => setRejecting(undefined)}
          onReject={comment => {
            setRejecting(undefined);
            decide({ verb: 'reject', waiver: rejecting, comment });
          }}
        />
      )}
    </>
  );
}
