import type {
  DataProductEntityV1alpha1,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * A date-only expiry (`2026-12-31`) lasts to the end of that day, UTC; a
 * date-time without a zone is UTC too, so that every replica agrees.
 */
export function normalizeExpiry(expires: string): string {
  let iso = expires;
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
    iso = `${expires}T23:59:59.999Z`;
  } else if (!/(Z|[+-]\d{2}:\d{2})$/.test(expires)) {
    iso = `${expires}Z`;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? expires : date.toISOString();
}

/** The waivers a product declares in `spec.governance.waivers`. @public */
export function entityWaivers(
  entity: DataProductEntityV1alpha1,
  entityRef: string,
): Waiver[] {
  return (entity.spec.governance?.waivers ?? []).map(waiver => ({
    entityRef,
    ruleId: waiver.rule,
    reason: waiver.reason,
    expiresAt: normalizeExpiry(waiver.expires),
    source: 'entity' as const,
  }));
}

/**
 * The waivers in force at `now`, by rule id. Where both the product and the
 * API waive a rule, the later expiry wins.
 */
export function activeWaivers(
  waivers: Waiver[],
  now: Date,
): Map<string, Waiver> {
  const active = new Map<string, Waiver>();
  const nowIso = now.toISOString();
  for (const waiver of waivers) {
    if (waiver.expiresAt > nowIso) {
      const existing = active.get(waiver.ruleId);
      if (!existing || existing.expiresAt < waiver.expiresAt) {
        active.set(waiver.ruleId, waiver);
      }
    }
  }
  return active;
}
