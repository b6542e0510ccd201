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
