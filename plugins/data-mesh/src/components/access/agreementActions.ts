import type {
  Agreement,
  AgreementStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** How agreement states read. */
export const AGREEMENT_STATES: Record<AgreementStatus, string> = {
  provisioning: 'Provisioning',
  active: 'Active',
  'provisioning-failed': 'Provisioning failed',
  revoking: 'Revoking',
  'revoke-failed': 'Revoke failed',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** How close to its expiry a consumer is offered to renew an agreement. */
export const RENEW_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** What the caller may do with an agreement, as the backend allows it. */
export function agreementActions(
  agreement: Agreement,
  caller: { me: string; canDecide: boolean },
  now: Date = new Date(),
) {
  const { status } = agreement;
  const failed = status === 'provisioning-failed' || status === 'revoke-failed';
  const expiresIn = new Date(agreement.expiresAt).getTime() - now.getTime();
  return {
    retry: caller.canDecide && failed,
    revoke:
      caller.canDecide &&
      (status === 'active' || status === 'provisioning-failed'),
    renew:
      status === 'active' &&
      agreement.requestedBy === caller.me &&
      expiresIn <= RENEW_WINDOW_DAYS * DAY_MS,
  };
}

/** A day after the agreement's expiry plus 90 days, `YYYY-MM-DD`. */
export const renewalDay = (agreement: Agreement) =>
  new Date(new Date(agreement.expiresAt).getTime() + 90 * DAY_MS)
    .toISOString()
    .slice(0, 10);
