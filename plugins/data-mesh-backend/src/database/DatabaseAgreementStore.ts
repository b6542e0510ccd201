import type { AccessAuditEntry } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import type { AccessScope, StoredAgreement } from './AccessRequestStore';
import {
  AccessAuditFilter,
  AgreementFilter,
  AgreementStore,
  AgreementTransition,
} from './AgreementStore';
import {
  AccessAuditRow,
  AgreementRow,
  insertAudit,
  toAgreement,
  toAuditEntry,
  whereInScope,
} from './accessRows';
import { closePendingRenewals } from './agreementWrites';
import { readActiveAgreements } from './activeAgreements';
import { readAgreementFacts } from './agreementFactQueries';

/** Statuses in which an agreement holds (or may hold) access. */
const HOLDING = ['active', 'provisioning-failed'];

/** The agreement store on the plugin's database (`agreements`, `access_audit`). */
export class DatabaseAgreementStore implements AgreementStore {
  constructor(private readonly db: Knex) {}

  async get(id: string) {
    const row = await this.db<AgreementRow>('agreements').where({ id }).first();
    return (
      row && {
        ...toAgreement(row),
        ending: row.ending ?? undefined,
        endReason: row.end_reason ?? undefined,
      }
    );
  }

  async list(
    filter: AgreementFilter,
    scope: AccessScope,
  ): Promise<StoredAgreement[]> {
    const query = whereInScope(
      this.#filtered(filter),
      scope,
      filter.product,
    ).orderBy([
      { column: 'approved_at', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    return (await query).map(toAgreement);
  }

  async productsOf(filter: AgreementFilter): Promise<string[]> {
    const rows = await this.#filtered(filter).distinct('product_ref');
    return rows.map(row => row.product_ref);
  }

  async transition(
    id: string,
    change: AgreementTransition,
  ): Promise<StoredAgreement | undefined> {
    return this.db.transaction(async trx => {
      const before = await trx<AgreementRow>('agreements')
        .where({ id })
        .whereIn('status', change.from)
        .first();
      if (!before) {
        return undefined;
      }
      const updated = await trx('agreements')
        .where({ id, status: before.status })
        .update({
          status: change.to,
          status_reason: change.reason ?? null,
          ending: change.ending ?? before.ending,
          ...(change.ending ? { end_reason: change.reason ?? null } : {}),
          updated_at: change.now,
        });
      if (updated === 0) {
        return undefined;
      }
      await insertAudit(trx, {
        at: change.now,
        actor: change.actor,
        subject: 'agreement',
        subject_id: id,
        product_ref: before.product_ref,
        action: change.action,
        from_status: before.status,
        to_status: change.to,
        reason: change.reason ?? null,
      });
      // After the agreement's own entry: the trail reads revoked, then
      // its renewals closed.
      if (change.ending && before.status !== 'revoking') {
        await closePendingRenewals(
          trx,
          before,
          { actor: change.actor, ending: change.ending, reason: change.reason },
          change.now,
        );
      }
      const row = await trx<AgreementRow>('agreements').where({ id }).first();
      return toAgreement(row!);
    });
  }

  async activeFor(productRefs: string[], now: string) {
    return readActiveAgreements(this.db, productRefs, now);
  }

  async factsFor(
    productRefs: string[],
    now: string,
    sunsets?: Map<string, string>,
  ) {
    return readAgreementFacts(this.db, productRefs, now, sunsets);
  }

  async due(now: string): Promise<StoredAgreement[]> {
    const rows = await this.db<AgreementRow>('agreements')
      .whereIn('status', HOLDING)
      .where('expires_at', '<=', now)
      .orderBy('expires_at');
    return rows.map(toAgreement);
  }

  async expiring(range: {
    from: string;
    to: string;
  }): Promise<StoredAgreement[]> {
    const rows = await this.db<AgreementRow>('agreements')
      .where('status', 'active')
      .where('expires_at', '>', range.from)
      .where('expires_at', '<=', range.to)
      .orderBy('expires_at');
    return rows.map(toAgreement);
  }

  async audit(
    filter: AccessAuditFilter,
    limit: number,
  ): Promise<AccessAuditEntry[]> {
    const query = this.db<AccessAuditRow & { id: number }>('access_audit')
      .orderBy('id')
      .limit(limit);
    if (filter.from) query.where('at', '>=', filter.from);
    if (filter.to) query.where('at', '<=', filter.to);
    if (filter.product) query.where('product_ref', filter.product);
    return (await query).map(toAuditEntry);
  }

  #filtered(filter: AgreementFilter) {
    const query = this.db<AgreementRow>('agreements');
    if (filter.product) query.where('product_ref', filter.product);
    if (filter.consumer) query.where('consumer_ref', filter.consumer);
    if (filter.status) query.where('status', filter.status);
    return query;
  }
}
