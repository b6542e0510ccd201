import type {
  AccessAuditEntry,
  AccessRequest,
  Agreement,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import type {
  AccessScope,
  StoredAccessRequest,
  StoredAgreement,
} from './AccessRequestStore';

/** A row of `access_requests`. */
export interface AccessRequestRow {
  id: string;
  product_ref: string;
  port: string;
  consumer_ref: string;
  purpose: string;
  purpose_shareable: boolean | number;
  fields: string;
  until: string;
  reviewer: string | null;
  status: AccessRequest['status'];
  mode: AccessRequest['mode'];
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
  external_reference: string | null;
  renews: string | null;
  agreement_id: string | null;
}

/** A row of `agreements`. */
export interface AgreementRow {
  id: string;
  request_id: string;
  product_ref: string;
  port: string;
  consumer_ref: string;
  purpose: string;
  purpose_shareable: boolean | number;
  /** Whether the purpose is other than blank (kept for the sweep's index). */
  purpose_stated: boolean | number;
  fields: string;
  requested_by: string;
  approved_by: string;
  approved_at: string;
  expires_at: string;
  status: Agreement['status'];
  ending: 'revoked' | 'expired' | null;
  end_reason: string | null;
  status_reason: string | null;
  updated_at: string;
}

/** A row of `access_audit`, as inserted. */
export interface AccessAuditRow {
  at: string;
  actor: string;
  subject: AccessAuditEntry['subject'];
  subject_id: string;
  product_ref: string;
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
}

const optional = <T>(value: T | null): T | undefined => value ?? undefined;

/**
 * The object without its undefined entries, as a JSON response holds it
 * (one pass over its keys, no JSON round trip).
 */
function defined<T extends object>(value: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== undefined) result[key] = entry;
  }
  return result as T;
}

/** What a request and its agreement share: the access, and why. */
function accessOf(row: AccessRequestRow | AgreementRow) {
  return {
    product: row.product_ref,
    port: row.port,
    consumer: row.consumer_ref,
    purpose: row.purpose,
    purposeShareable: Boolean(row.purpose_shareable),
    fields: JSON.parse(row.fields),
  };
}

export function toAccessRequest(row: AccessRequestRow): StoredAccessRequest {
  return defined({
    id: row.id,
    ...accessOf(row),
    until: row.until,
    reviewer: optional(row.reviewer),
    status: row.status,
    mode: row.mode,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: optional(row.decided_by),
    decidedAt: optional(row.decided_at),
    comment: optional(row.comment),
    externalReference: optional(row.external_reference),
    renews: optional(row.renews),
    agreementId: optional(row.agreement_id),
  });
}

export function toAgreement(row: AgreementRow): StoredAgreement {
  return defined({
    id: row.id,
    requestId: row.request_id,
    ...accessOf(row),
    requestedBy: row.requested_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    expiresAt: row.expires_at,
    status: row.status,
    statusReason: optional(row.status_reason),
    updatedAt: row.updated_at,
  });
}

export function toAuditEntry(
  row: AccessAuditRow & { id: number | string },
): AccessAuditEntry {
  return defined({
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    subject: row.subject,
    subjectId: row.subject_id,
    product: row.product_ref,
    action: row.action,
    fromStatus: optional(row.from_status),
    toStatus: row.to_status,
    reason: optional(row.reason),
  });
}

/** Writes one audit entry (in the caller's transaction). */
export async function insertAudit(
  db: Knex | Knex.Transaction,
  row: AccessAuditRow,
): Promise<void> {
  await db('access_audit').insert(row);
}

/**
 * Limits a query to the caller's scope (see `AccessScope`). When the query
 * is already limited to one `product` the caller sees in full, the scope
 * adds nothing: no condition is added, so that the listing reads the
 * product's index alone.
 */
export function whereInScope<T extends {}>(
  query: Knex.QueryBuilder<T>,
  scope: AccessScope,
  product?: string,
): Knex.QueryBuilder<T> {
  if (scope === 'all') {
    return query;
  }
  if (scope.onlyOwn) {
    return query.where('requested_by', scope.requestedBy);
  }
  const products = [
    ...new Set([...scope.products, ...(scope.visibleProducts ?? [])]),
  ];
  if (product !== undefined && products.includes(product)) {
    return query;
  }
  return query.where(inner => {
    inner.where('requested_by', scope.requestedBy);
    if (products.length > 0) {
      inner.orWhereIn('product_ref', products);
    }
  });
}
