import type {
  DataProductEntityV1alpha1,
  Waiver,
  WaiverStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { Visibility } from './visibleProducts';
import type { WaiverKey } from './waiverRows';

/** A waiver asked for through the API. */
export type ApiWaiverRequest = Pick<
  Waiver,
  'entityRef' | 'ruleId' | 'reason' | 'expiresAt'
> & { requestedBy: string };

/** A decision on a waiver request. */
export interface WaiverDecision {
  status: Exclude<WaiverStatus, 'pending'>;
  decidedBy: string;
  comment?: string;
}

/**
 * Waiver requests and their approval: one per product, rule and source (the
 * product's spec or the API). A waiver counts only once approved; see the
 * engine's `evaluateProduct`. See `DatabaseWaiverStore`.
 */
export interface WaiverStore {
  /**
   * The waivers of some products (both sources, every status), by product.
   * One query; pass at most 1000 refs.
   */
  forProducts(entityRefs: string[]): Promise<Map<string, Waiver[]>>;

  /**
   * Records the waivers products declare in their spec as requests: a new
   * declaration, or one whose reason or expiry changed, becomes a pending
   * request; a decided one whose content is unchanged keeps its decision;
   * the records of declarations no longer made are removed. One read, and a
   * write only when something changed; pass at most 1000 products. Returns
   * the pending requests it recorded.
   */
  syncDeclared(products: DataProductEntityV1alpha1[]): Promise<Waiver[]>;

  /**
   * Approved waivers expiring after `from` and at most at `to` (expiries are
   * stored as ISO-8601 UTC times, which sort as times), of products with a
   * fresh result (not those whose catalog read failed), with their owner.
   */
  approvedExpiring(range: {
    from: string;
    to: string;
  }): Promise<Array<{ waiver: Waiver; owner: string }>>;

  /**
   * The waivers of the products the caller may see, optionally of one
   * product or in one status, by product and rule.
   */
  list(
    filter: { entityRef?: string; status?: WaiverStatus },
    visibility: Visibility,
  ): Promise<Waiver[]>;

  /**
   * Asks for a waiver through the API. It replaces the API's earlier waiver
   * of the rule, whatever its status: the new one counts once approved.
   */
  request(waiver: ApiWaiverRequest): Promise<Waiver>;

  /**
   * Decides a waiver, if it is still as the decision saw it (status, reason
   * and expiry): an approval binds to the content approved. Returns the
   * decided waiver, or undefined when it changed meanwhile.
   */
  decide(
    key: WaiverKey,
    seen: Pick<Waiver, 'status' | 'reason' | 'expiresAt'>,
    decision: WaiverDecision,
  ): Promise<Waiver | undefined>;
}
