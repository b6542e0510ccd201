import type {
  AccessAuditEntry,
  AgreementStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  ProductAgreementFacts,
  ProductAgreements,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { AccessScope, StoredAgreement } from './AccessRequestStore';

/** Filters of agreement lists. */
export interface AgreementFilter {
  product?: string;
  consumer?: string;
  status?: AgreementStatus;
}

/** A change of an agreement's status, and why (for the audit trail). */
export interface AgreementTransition {
  /** The statuses it may change from; anything else leaves it unchanged. */
  from: AgreementStatus[];
  to: AgreementStatus;
  actor: string;
  /** What happened, as the audit trail names it (`granted`, `revoked`...). */
  action: string;
  reason?: string;
  /** While revoking: how the agreement ends once access is removed. */
  ending?: 'revoked' | 'expired';
  now: string;
}

/** Filters of the audit trail. */
export interface AccessAuditFilter {
  from?: string;
  to?: string;
  product?: string;
}

/**
 * Agreements (approved access) and their life: provisioning, revocation,
 * expiry. Every status change is audited in the same transaction. See
 * `DatabaseAgreementStore`.
 */
export interface AgreementStore {
  /**
   * An agreement, with how it ends and why while access is being removed
   * (`ending`, `endReason`).
   */
  get(
    id: string,
  ): Promise<
    (StoredAgreement & { ending?: string; endReason?: string }) | undefined
  >;

  /** The agreements in the caller's scope, newest first. */
  list(filter: AgreementFilter, scope: AccessScope): Promise<StoredAgreement[]>;

  /** The distinct products of the agreements matching the filter. */
  productsOf(filter: AgreementFilter): Promise<string[]>;

  /**
   * Changes the status if it is one of `from` (compare-and-set); returns
   * the changed agreement, or undefined when its status was another. A
   * change with an `ending` also rejects the agreement's pending renewals
   * (audited as `renewal-closed`, with the reason), in the same transaction.
   */
  transition(
    id: string,
    change: AgreementTransition,
  ): Promise<StoredAgreement | undefined>;

  /**
   * The active agreements (not yet expired at `now`) on and held by each of
   * these products, one by one, in a few indexed queries (`factsFor`
   * aggregates what a sweep needs of them).
   */
  activeFor(
    productRefs: string[],
    now: string,
  ): Promise<Map<string, ProductAgreements>>;

  /**
   * What rules and KPIs read of the active agreements of each of these
   * products, aggregated in SQL (see `ProductAgreementFacts`); `sunsets`
   * are the products' sunset dates: what a page of a sweep reads.
   */
  factsFor(
    productRefs: string[],
    now: string,
    sunsets?: Map<string, string>,
  ): Promise<Map<string, ProductAgreementFacts>>;

  /** Agreements holding access whose expiry is at or before `now`. */
  due(now: string): Promise<StoredAgreement[]>;

  /** Active agreements expiring after `from` and at most at `to`. */
  expiring(range: { from: string; to: string }): Promise<StoredAgreement[]>;

  /** The audit trail, oldest first; at most `limit` entries. */
  audit(filter: AccessAuditFilter, limit: number): Promise<AccessAuditEntry[]>;
}
