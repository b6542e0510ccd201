import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { AccessDecision } from './AccessRequestStore';
import { AccessRequestRow, AgreementRow, insertAudit } from './accessRows';

/*
 * What approving a request writes besides the request, in the approval's
 * transaction: a new agreement, or a renewed agreement's later expiry.
 */

/** A new agreement from an approved request, to be provisioned. */
export async function insertAgreement(
  trx: Knex.Transaction,
  request: AccessRequestRow,
  decision: AccessDecision,
  now: string,
): Promise<AgreementRow> {
  const row: AgreementRow = {
    id: randomUUID(),
    request_id: request.id,
    product_ref: request.product_ref,
    port: request.port,
    consumer_ref: request.consumer_ref,
    purpose: request.purpose,
    purpose_shareable: Boolean(request.purpose_shareable),
    // Blank as the rules read it (`agreementFactsOf` trims the purpose).
    purpose_stated: request.purpose.trim().length > 0,
    fields: request.fields,
    requested_by: request.requested_by,
    approved_by: decision.decidedBy,
    approved_at: now,
    expires_at: request.until,
    status: 'provisioning',
    ending: null,
    end_reason: null,
    status_reason: null,
    updated_at: now,
  };
  await trx('agreements').insert(row);
  await insertAudit(trx, {
    at: now,
    actor: decision.decidedBy,
    subject: 'agreement',
    subject_id: row.id,
    product_ref: row.product_ref,
    action: 'agreed',
    from_status: null,
    to_status: 'provisioning',
    reason: decision.comment ?? null,
  });
  return row;
}

/** Moves the renewed agreement's expiry; undefined if it is not active. */
export async function renewAgreement(
  trx: Knex.Transaction,
  request: AccessRequestRow,
  decision: AccessDecision,
  now: string,
): Promise<AgreementRow | undefined> {
  const updated = await trx('agreements')
    .where({ id: request.renews!, status: 'active' })
    .update({ expires_at: request.until, updated_at: now });
  if (updated === 0) {
    return undefined;
  }
  const row = await trx<AgreementRow>('agreements')
    .where({ id: request.renews! })
    .first();
  await insertAudit(trx, {
    at: now,
    actor: decision.decidedBy,
    subject: 'agreement',
    subject_id: row!.id,
    product_ref: row!.product_ref,
    action: 'renewed',
    from_status: 'active',
    to_status: 'active',
    reason: `until ${request.until}`,
  });
  return row;
}

/**
 * Rejects the pending renewals of an agreement that is ending (revoked or
 * expired): nothing is left for them to extend. Each rejection is audited
 * with the reason. Returns how many were closed.
 */
export async function closePendingRenewals(
  trx: Knex.Transaction,
  agreement: Pick<AgreementRow, 'id' | 'product_ref'>,
  change: { actor: string; ending: 'revoked' | 'expired'; reason?: string },
  now: string,
): Promise<number> {
  const pending = await trx<AccessRequestRow>('access_requests')
    .where({ renews: agreement.id, status: 'pending' })
    .select('id');
  const ended = change.ending === 'revoked' ? 'was revoked' : 'has expired';
  const comment = `The agreement it renews ${ended}${
    change.reason ? `: ${change.reason}` : ''
  }`;
  let closed = 0;
  for (const { id } of pending) {
    const updated = await trx('access_requests')
      .where({ id, status: 'pending' })
      .update({
        status: 'rejected',
        decided_by: change.actor,
        decided_at: now,
        comment,
      });
    if (updated === 0) continue;
    closed += 1;
    await insertAudit(trx, {
      at: now,
      actor: change.actor,
      subject: 'access-request',
      subject_id: id,
      product_ref: agreement.product_ref,
      action: 'renewal-closed',
      from_status: 'pending',
      to_status: 'rejected',
      reason: comment,
    });
  }
  return closed;
}
