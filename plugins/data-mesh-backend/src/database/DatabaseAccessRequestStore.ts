import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  AccessDecision,
  AccessRequestFilter,
  AccessRequestStore,
  AccessScope,
  NewAccessRequest,
  StoredAccessRequest,
  StoredAgreement,
} from './AccessRequestStore';
import { insertAgreement, renewAgreement } from './agreementWrites';
import {
  AccessRequestRow,
  insertAudit,
  toAccessRequest,
  toAgreement,
  whereInScope,
} from './accessRows';

/** The access request store on the plugin's database (`access_requests`). */
export class DatabaseAccessRequestStore implements AccessRequestStore {
  constructor(private readonly db: Knex) {}

  async create(
    request: NewAccessRequest,
    now: string,
  ): Promise<StoredAccessRequest> {
    const row: AccessRequestRow = {
      id: randomUUID(),
      product_ref: request.product,
      port: request.port,
      consumer_ref: request.consumer,
      purpose: request.purpose,
      purpose_shareable: request.purposeShareable ?? false,
      fields: JSON.stringify(request.fields),
      until: request.until,
      reviewer: request.reviewer ?? null,
      status: 'pending',
      mode: request.mode,
      requested_by: request.requestedBy,
      requested_at: now,
      decided_by: null,
      decided_at: null,
      comment: null,
      external_reference: null,
      renews: request.renews ?? null,
      agreement_id: null,
    };
    await this.db.transaction(async trx => {
      await trx('access_requests').insert(row);
      await insertAudit(trx, {
        at: now,
        actor: request.requestedBy,
        subject: 'access-request',
        subject_id: row.id,
        product_ref: row.product_ref,
        action: request.renews ? 'renewal-requested' : 'requested',
        from_status: null,
        to_status: 'pending',
        reason: request.purpose,
      });
    });
    return toAccessRequest(row);
  }

  async get(id: string): Promise<StoredAccessRequest | undefined> {
    const row = await this.db<AccessRequestRow>('access_requests')
      .where({ id })
      .first();
    return row && toAccessRequest(row);
  }

  async list(
    filter: AccessRequestFilter,
    scope: AccessScope,
  ): Promise<StoredAccessRequest[]> {
    const query = whereInScope(
      this.#filtered(filter),
      scope,
      filter.product,
    ).orderBy([
      { column: 'requested_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    return (await query).map(toAccessRequest);
  }

  async productsOf(filter: AccessRequestFilter): Promise<string[]> {
    const rows = await this.#filtered(filter).distinct('product_ref');
    return rows.map(row => row.product_ref);
  }

  async setExternalReference(id: string, reference: string): Promise<void> {
    await this.db('access_requests')
      .where({ id })
      .update({ external_reference: reference });
  }

  async reject(
    id: string,
    decision: AccessDecision,
    now: string,
  ): Promise<StoredAccessRequest | undefined> {
    return this.db.transaction(async trx => {
      const row = await this.#decide(trx, id, 'rejected', decision, now);
      return row && toAccessRequest(row);
    });
  }

  async approve(
    id: string,
    decision: AccessDecision,
    now: string,
  ): Promise<
    { request: StoredAccessRequest; agreement: StoredAgreement } | undefined
  > {
    const ended = new Error('the renewed agreement ended');
    return this.db
      .transaction(async trx => {
        const row = await this.#decide(trx, id, 'approved', decision, now);
        if (!row) {
          return undefined;
        }
        const agreement = row.renews
          ? await renewAgreement(trx, row, decision, now)
          : await insertAgreement(trx, row, decision, now);
        if (!agreement) {
          // Nothing is approved: the transaction is rolled back.
          throw ended;
        }
        await trx('access_requests')
          .where({ id })
          .update({ agreement_id: agreement.id });
        return {
          request: toAccessRequest({ ...row, agreement_id: agreement.id }),
          agreement: toAgreement(agreement),
        };
      })
      .catch(error => {
        if (error === ended) return undefined;
        throw error;
      });
  }

  #filtered(filter: AccessRequestFilter) {
    const query = this.db<AccessRequestRow>('access_requests');
    if (filter.product) query.where('product_ref', filter.product);
    if (filter.status) query.where('status', filter.status);
    return query;
  }

  /** Decides a pending request and audits it; undefined if not pending. */
  async #decide(
    trx: Knex.Transaction,
    id: string,
    status: 'approved' | 'rejected',
    decision: AccessDecision,
    now: string,
  ): Promise<AccessRequestRow | undefined> {
    const changes = {
      status,
      decided_by: decision.decidedBy,
      decided_at: now,
      comment: decision.comment ?? null,
    };
    const updated = await trx('access_requests')
      .where({ id, status: 'pending' })
      .update(changes);
    if (updated === 0) {
      return undefined;
    }
    const row = await trx<AccessRequestRow>('access_requests')
      .where({ id })
      .first();
    await insertAudit(trx, {
      at: now,
      actor: decision.decidedBy,
      subject: 'access-request',
      subject_id: id,
      product_ref: row!.product_ref,
      action: status === 'approved' ? 'approved' : 'rejected',
      from_status: 'pending',
      to_status: status,
      reason: decision.comment ?? null,
    });
    return row;
  }
}
