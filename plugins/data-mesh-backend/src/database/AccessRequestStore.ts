import type {
  AccessRequest,
  AccessRequestStatus,
  Agreement,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * An access request as stored: its purpose is always there (a listing may
 * leave it out for callers who may not read it).
 */
export type StoredAccessRequest = AccessRequest & { purpose: string };

/** An agreement as stored, with its purpose. */
export type StoredAgreement = Agreement & { purpose: string };

/** A new access request, as the service validated it. */
export type NewAccessRequest = { purposeShareable?: boolean } & Pick<
  StoredAccessRequest,
  | 'product'
  | 'port'
  | 'consumer'
  | 'purpose'
  | 'fields'
  | 'until'
  | 'reviewer'
  | 'mode'
  | 'requestedBy'
  | 'renews'
>;

/** Filters of request lists. */
export interface AccessRequestFilter {
  product?: string;
  status?: AccessRequestStatus;
}

/**
 * Whose records a caller sees: those they requested, and those of the
 * products they may decide; `all` for the plugin itself.
 */
export type AccessScope =
  | {
      requestedBy: string;
      products: string[];
      onlyOwn?: boolean;
      /** Agreements only: products whose agreements the caller sees too. */
      visibleProducts?: string[];
    }
  | 'all';

/** Who decided a request, and why. */
export interface AccessDecision {
  decidedBy: string;
  comment?: string;
}

/**
 * Access requests and their decisions. Every state change is written to the
 * audit trail in the same transaction. See `DatabaseAccessRequestStore`.
 */
export interface AccessRequestStore {
  /** Records a pending request (audited as `requested`). */
  create(request: NewAccessRequest, now: string): Promise<StoredAccessRequest>;

  get(id: string): Promise<StoredAccessRequest | undefined>;

  /** The requests in the caller's scope, newest first. */
  list(
    filter: AccessRequestFilter,
    scope: AccessScope,
  ): Promise<StoredAccessRequest[]>;

  /** The distinct products of the requests matching the filter. */
  productsOf(filter: AccessRequestFilter): Promise<string[]>;

  /** Records the reference an external approval system gave the request. */
  setExternalReference(id: string, reference: string): Promise<void>;

  /**
   * Rejects a pending request; undefined when it is no longer pending.
   */
  reject(
    id: string,
    decision: AccessDecision,
    now: string,
  ): Promise<StoredAccessRequest | undefined>;

  /**
   * Approves a pending request, in one transaction: a new request becomes an
   * agreement in `provisioning`; a renewal moves its agreement's expiry to
   * the request's `until` (the agreement must still be active). Undefined
   * when the request is no longer pending or the renewed agreement ended.
   */
  approve(
    id: string,
    decision: AccessDecision,
    now: string,
  ): Promise<
    { request: StoredAccessRequest; agreement: StoredAgreement } | undefined
  >;
}
