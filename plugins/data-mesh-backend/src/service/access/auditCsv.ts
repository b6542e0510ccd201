import type { AccessAuditEntry } from '@datamesh-backstage/plugin-data-mesh-common';
import stringify from 'csv-stringify/lib/sync';

const COLUMNS: Array<keyof AccessAuditEntry> = [
  'id',
  'at',
  'actor',
  'subject',
  'subjectId',
  'product',
  'action',
  'fromStatus',
  'toStatus',
  'reason',
];

/** Text a spreadsheet would run as a formula is kept as text. */
const asText = (value: string) =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/**
 * The audit trail as CSV (RFC 4180), one row per entry, with a header.
 * Free text starting like a formula is prefixed with `'`.
 */
export function auditCsv(entries: AccessAuditEntry[]): string {
  return stringify(entries, {
    header: true,
    columns: COLUMNS,
    cast: { string: asText },
  });
}
