import type {
  Waiver,
  WaiverSource,
  WaiverStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** A row of the `waivers` table. */
export interface WaiverRow {
  entity_ref: string;
  rule_id: string;
  source: WaiverSource;
  reason: string;
  expires_at: string;
  status: WaiverStatus;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
}

/** One waiver of a product: a rule, from its spec or from the API. */
export interface WaiverKey {
  entityRef: string;
  ruleId: string;
  source: WaiverSource;
}

export const keyOf = (key: WaiverKey) => ({
  entity_ref: key.entityRef,
  rule_id: key.ruleId,
  source: key.source,
});

export function toWaiver(row: WaiverRow): Waiver {
  const waiver: Waiver = {
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    reason: row.reason,
    expiresAt: row.expires_at,
    source: row.source,
    status: row.status,
    requestedAt: row.requested_at,
  };
  if (row.requested_by) waiver.requestedBy = row.requested_by;
  if (row.decided_by) waiver.decidedBy = row.decided_by;
  if (row.decided_at) waiver.decidedAt = row.decided_at;
  if (row.comment) waiver.comment = row.comment;
  return waiver;
}

/** A new request: pending, nothing decided. */
export const requestRow = (
  waiver: Omit<Waiver, 'status'>,
  requestedAt: string,
): WaiverRow => ({
  ...keyOf(waiver),
  reason: waiver.reason,
  expires_at: waiver.expiresAt,
  status: 'pending',
  requested_by: waiver.requestedBy ?? null,
  requested_at: requestedAt,
  decided_by: null,
  decided_at: null,
  comment: null,
});

export const KEY = ['entity_ref', 'rule_id', 'source'];

/**
 * Declarations that fit the columns. The others (a rule id over 64
 * characters, an expiry that is no date) can never count and are not
 * recorded: the engine lists them as unknown rules or invalid expiries.
 */
export const storable = (waiver: Waiver) =>
  waiver.ruleId.length <= 64 &&
  waiver.expiresAt.length <= 24 &&
  !Number.isNaN(Date.parse(waiver.expiresAt));
