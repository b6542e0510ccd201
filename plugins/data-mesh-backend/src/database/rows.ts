import type {
  Scorecard,
  ScorecardStatus,
  ScorecardSummary,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { createHash } from 'node:crypto';

/** A row of the `scorecards` table. */
export interface ScorecardRow {
  entity_ref: string;
  domain: string | null;
  owner: string | null;
  product_type: string | null;
  lifecycle: string | null;
  score: number;
  status: ScorecardStatus;
  status_rank: number;
  error_count: number;
  warning_count: number;
  info_count: number;
  waived_count: number;
  violations: string;
  /** JSON array of the waivers listed, or null when there is none. */
  waivers: string | null;
  policy_version: string;
  result_hash: string;
  outcome_hash: string;
  stale: boolean | number;
  stale_reason: string | null;
  details: string | null;
  evaluated_at: string;
  changed_at: string;
}

export const STATUS_RANK: Record<ScorecardStatus, number> = {
  fail: 0,
  warn: 1,
  pass: 2,
};

/** Rows are written in chunks that stay under every engine's bind limit. */
export const WRITE_CHUNK = 500;

export function chunks<T>(items: T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

const sha256 = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The whole result, messages and classification included: the stored row
 * is rewritten when it changes.
 */
export function resultHash(card: Scorecard): string {
  return sha256([
    // What lists and rollups filter and group by: a product that moves
    // domain or lifecycle is rewritten even when its score stays.
    card.domain ?? null,
    card.owner ?? null,
    card.type ?? null,
    card.lifecycle ?? null,
    card.score,
    card.status,
    card.policyVersion,
    card.violations,
    card.pendingReferences ?? [],
    card.pendingUntil ?? null,
    card.waivers ?? [],
    card.upcoming ?? [],
  ]);
}

/**
 * The outcome of a result: score, status and which rules are broken where. A
 * change is a history row; a message that only quotes a new measurement
 * (for example an SLO's compliance) is not.
 */
export function outcomeHash(card: Scorecard): string {
  return sha256([
    card.score,
    card.status,
    card.policyVersion,
    card.violations.map(v => [v.ruleId, v.path, v.severity, v.waived]),
  ]);
}

/** The unwaived rule ids of a scorecard, each once, in rule order. */
export function unwaivedRuleIds(card: Pick<Scorecard, 'violations'>): string[] {
  return [
    ...new Set(card.violations.filter(v => !v.waived).map(v => v.ruleId)),
  ];
}

/**
 * The rules in draft or grace a result fails (unwaived), with their state:
 * not scored yet, but a campaign may target them.
 */
export function upcomingHits(
  card: Pick<Scorecard, 'upcoming'>,
): Array<{ ruleId: string; state: 'draft' | 'grace' }> {
  return (card.upcoming ?? []).flatMap(rule =>
    (rule.state === 'draft' || rule.state === 'grace') && !rule.passes
      ? [{ ruleId: rule.ruleId, state: rule.state }]
      : [],
  );
}

/** The hashes a result is stored with (see resultHash and outcomeHash). */
export interface ScorecardHashes {
  resultHash: string;
  outcomeHash: string;
}

export function toRow(
  card: Scorecard,
  now: string,
  hashes: ScorecardHashes = {
    resultHash: resultHash(card),
    outcomeHash: outcomeHash(card),
  },
): ScorecardRow {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let waived = 0;
  for (const violation of card.violations) {
    if (violation.waived) waived += 1;
    else if (violation.severity === 'error') errors += 1;
    else if (violation.severity === 'warning') warnings += 1;
    else infos += 1;
  }
  return {
    entity_ref: card.entityRef,
    domain: card.domain ?? null,
    owner: card.owner ?? null,
    product_type: card.type ?? null,
    lifecycle: card.lifecycle ?? null,
    score: card.score,
    status: card.status,
    status_rank: STATUS_RANK[card.status],
    error_count: errors,
    warning_count: warnings,
    info_count: infos,
    waived_count: waived,
    violations: JSON.stringify(card.violations),
    waivers: card.waivers?.length ? JSON.stringify(card.waivers) : null,
    policy_version: card.policyVersion,
    result_hash: hashes.resultHash,
    outcome_hash: hashes.outcomeHash,
    stale: false,
    stale_reason: null,
    details: toDetails(card),
    evaluated_at: card.evaluatedAt,
    changed_at: now,
  };
}

/**
 * The `details` column: references still pending and the rules that apply
 * without being scored (draft, grace, deprecated), or null when neither.
 */
function toDetails(card: Scorecard): string | null {
  if (!card.pendingReferences && !card.upcoming) {
    return null;
  }
  return JSON.stringify({
    ...(card.pendingReferences
      ? {
          pendingReferences: card.pendingReferences,
          pendingUntil: card.pendingUntil,
        }
      : {}),
    ...(card.upcoming ? { upcoming: card.upcoming } : {}),
  });
}

/** Ids of the upcoming rules a stored result fails. */
function upcomingFailing(row: ScorecardRow): string[] | undefined {
  if (!row.details) return undefined;
  const { upcoming } = JSON.parse(row.details) as Pick<Scorecard, 'upcoming'>;
  const failing = (upcoming ?? []).filter(rule => !rule.passes);
  return failing.length ? failing.map(rule => rule.ruleId) : undefined;
}

export function toSummary(row: ScorecardRow): ScorecardSummary {
  const failing = upcomingFailing(row);
  return {
    entityRef: row.entity_ref,
    score: Number(row.score),
    status: row.status,
    evaluatedAt: row.evaluated_at,
    policyVersion: row.policy_version,
    stale: Boolean(row.stale),
    ...(row.stale && row.stale_reason ? { staleReason: row.stale_reason } : {}),
    domain: row.domain ?? undefined,
    owner: row.owner ?? undefined,
    type: row.product_type ?? undefined,
    lifecycle: row.lifecycle ?? undefined,
    errorCount: Number(row.error_count),
    warningCount: Number(row.warning_count),
    waivedCount: Number(row.waived_count),
    ...(failing ? { upcomingFailing: failing } : {}),
  };
}

export function toScorecard(row: ScorecardRow): Scorecard {
  const {
    errorCount: _e,
    warningCount: _w,
    waivedCount: _x,
    upcomingFailing: _u,
    ...summary
  } = toSummary(row);
  return {
    ...summary,
    violations: JSON.parse(row.violations),
    ...(row.details ? JSON.parse(row.details) : {}),
    ...(row.waivers ? { waivers: JSON.parse(row.waivers) } : {}),
  };
}
