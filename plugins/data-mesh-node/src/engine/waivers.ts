import type {
  DataProductEntityV1alpha1,
  ScorecardWaiver,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** How long a waiver may run after its approval unless configured. @public */
export const DEFAULT_MAX_WAIVER_DAYS = 90;

/**
 * A date-only expiry (`2026-12-31`) lasts to the end of that day, UTC; a
 * date-time without a zone is UTC too, so that every replica agrees.
 * @public
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

/**
 * The waivers a product asks for in `spec.governance.waivers`, as pending
 * requests with normalised expiries; the first declaration of a rule wins.
 * They count only once approved (see {@link evaluateProduct}).
 * @public
 */
export function entityWaivers(
  entity: DataProductEntityV1alpha1,
  entityRef: string,
): Waiver[] {
  const byRule = new Map<string, Waiver>();
  for (const waiver of entity.spec.governance?.waivers ?? []) {
    if (!byRule.has(waiver.rule)) {
      byRule.set(waiver.rule, {
        entityRef,
        ruleId: waiver.rule,
        reason: waiver.reason,
        expiresAt: normalizeExpiry(waiver.expires),
        source: 'entity',
        status: 'pending',
      });
    }
  }
  return [...byRule.values()];
}

/** Whether a stored record is the decision on this declaration's content. */
export function sameWaiverContent(
  a: Pick<Waiver, 'reason' | 'expiresAt'>,
  b: Pick<Waiver, 'reason' | 'expiresAt'>,
): boolean {
  return a.reason === b.reason && a.expiresAt === b.expiresAt;
}

/**
 * The waivers of a product to judge: each declaration of its spec, as the
 * stored record of the same rule and content (which carries the decision)
 * or else as a pending request; and every waiver asked through the API.
 * Stored records of declarations the spec no longer makes are left out.
 */
export function waiversToJudge(declared: Waiver[], stored: Waiver[]): Waiver[] {
  const storedDeclared = new Map(
    stored.filter(w => w.source === 'entity').map(w => [w.ruleId, w]),
  );
  const fromSpec = declared.map(declaration => {
    const record = storedDeclared.get(declaration.ruleId);
    return record && sameWaiverContent(record, declaration)
      ? record
      : declaration;
  });
  return [...fromSpec, ...stored.filter(w => w.source === 'api')].sort(
    (a, b) =>
      a.ruleId.localeCompare(b.ruleId) || a.source.localeCompare(b.source),
  );
}

/**
 * The counted waivers by rule id. Where two count for a rule (the spec's and
 * the API's), the later expiry wins.
 */
export function countedWaivers(
  waivers: ScorecardWaiver[],
): Map<string, ScorecardWaiver> {
  const counted = new Map<string, ScorecardWaiver>();
  for (const waiver of waivers) {
    const existing = counted.get(waiver.ruleId);
    if (waiver.counts && (!existing || existing.expiresAt < waiver.expiresAt)) {
      counted.set(waiver.ruleId, waiver);
    }
  }
  return counted;
}
