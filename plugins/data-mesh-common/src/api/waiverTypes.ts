/** Where a waiver comes from: the product's own spec or the governance API. @public */
export type WaiverSource = 'entity' | 'api';

/**
 * Where a waiver stands in its approval: requested (from the product's spec
 * or through the API) and waiting, approved, rejected, or revoked after its
 * approval. @public
 */
export type WaiverStatus = 'pending' | 'approved' | 'rejected' | 'revoked';

/**
 * A waiver of one rule for one product, until it expires. It counts only
 * once approved by someone holding `data-mesh.waiver.approve`. @public
 */
export interface Waiver {
  entityRef: string;
  ruleId: string;
  reason: string;
  /** ISO date-time after which the rule counts again. */
  expiresAt: string;
  source: WaiverSource;
  status: WaiverStatus;
  /** The user who asked through the API; absent for the product's spec. */
  requestedBy?: string;
  /** When it was asked, or first seen with this content in the product's spec. */
  requestedAt?: string;
  /** The user who approved, rejected or revoked it. */
  decidedBy?: string;
  decidedAt?: string;
  /** Why it was approved, rejected or revoked. */
  comment?: string;
}

/**
 * Why a waiver counts or not: `in-force` counts; the others say what
 * stops it. @public
 */
export type WaiverStanding =
  | 'in-force'
  | 'pending-approval'
  | 'rejected'
  | 'revoked'
  | 'expired'
  | 'unknown-rule'
  | 'rule-not-applicable'
  | 'missing-reason'
  | 'invalid-expiry'
  | 'expiry-too-far';

/** A waiver as a scorecard lists it: whether it counts, and why. @public */
export interface ScorecardWaiver {
  ruleId: string;
  reason: string;
  expiresAt: string;
  source: WaiverSource;
  status: WaiverStatus;
  /** Whether it waives the rule's violations. */
  counts: boolean;
  standing: WaiverStanding;
  /** For people, for example "Waits for approval by governance". */
  explanation: string;
  requestedBy?: string;
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}
