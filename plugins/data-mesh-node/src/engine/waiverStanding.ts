import type {
  ScorecardWaiver,
  Waiver,
  WaiverStanding,
} from '@datamesh-backstage/plugin-data-mesh-common';

const DAY_MS = 86_400_000;
const day = (iso: string | undefined) => (iso ?? '').slice(0, 10);

/** What a waiver is judged against. @public */
export interface WaiverRules {
  /** Whether a rule of that id is in the effective policies. */
  ruleExists(ruleId: string): boolean;
  /** Whether a rule of that id applies to the product. */
  ruleApplies(ruleId: string): boolean;
  /** Longest a waiver may run after its approval, in days. */
  maxWaiverDays: number;
  now: Date;
}

function standingOf(
  waiver: Waiver,
  rules: WaiverRules,
): [WaiverStanding, string] {
  const { ruleId } = waiver;
  if (!rules.ruleExists(ruleId)) {
    return ['unknown-rule', `No rule ${ruleId} in the policies in force`];
  }
  if (!rules.ruleApplies(ruleId)) {
    return ['rule-not-applicable', `${ruleId} does not apply to this product`];
  }
  if (!waiver.reason.trim()) {
    return ['missing-reason', 'No reason is given; a waiver needs one'];
  }
  const expires = Date.parse(waiver.expiresAt);
  if (Number.isNaN(expires)) {
    return ['invalid-expiry', `The expiry "${waiver.expiresAt}" is not a date`];
  }
  const by = `${waiver.decidedBy ?? 'governance'} on ${day(waiver.decidedAt)}`;
  const because = waiver.comment ? `: ${waiver.comment}` : '';
  if (waiver.status === 'rejected') {
    return ['rejected', `Rejected by ${by}${because}`];
  }
  if (waiver.status === 'revoked') {
    return ['revoked', `Revoked by ${by}${because}`];
  }
  const now = rules.now.getTime();
  const maxMs = rules.maxWaiverDays * DAY_MS;
  if (expires <= now) {
    return waiver.status === 'approved'
      ? [
          'expired',
          `Expired on ${day(waiver.expiresAt)}; the violation counts again`,
        ]
      : ['expired', `Expired on ${day(waiver.expiresAt)} before approval`];
  }
  if (waiver.status === 'pending') {
    return expires > now + maxMs
      ? [
          'expiry-too-far',
          `Ends on ${day(waiver.expiresAt)}, more than ${
            rules.maxWaiverDays
          } days from now: it cannot be approved`,
        ]
      : ['pending-approval', 'Waits for approval by governance'];
  }
  const approvedAt = Date.parse(waiver.decidedAt ?? '');
  const from = Number.isNaN(approvedAt) ? now : approvedAt;
  if (expires > from + maxMs) {
    return [
      'expiry-too-far',
      `Expires ${Math.ceil(
        (expires - from) / DAY_MS,
      )} days after approval; at most ${rules.maxWaiverDays} are allowed`,
    ];
  }
  return [
    'in-force',
    `Approved by ${by}; in force until ${day(waiver.expiresAt)}`,
  ];
}

/**
 * Judges one waiver: it counts only when it names a rule that exists and
 * applies to the product, carries a reason, has been approved, has not
 * expired, and expires at most `maxWaiverDays` after its approval. Otherwise
 * the standing and explanation say what stops it.
 * @public
 */
export function judgeWaiver(
  waiver: Waiver,
  rules: WaiverRules,
): ScorecardWaiver {
  const [standing, explanation] = standingOf(waiver, rules);
  const judged: ScorecardWaiver = {
    ruleId: waiver.ruleId,
    reason: waiver.reason,
    expiresAt: waiver.expiresAt,
    source: waiver.source,
    status: waiver.status,
    counts: standing === 'in-force',
    standing,
    explanation,
  };
  if (waiver.requestedBy) judged.requestedBy = waiver.requestedBy;
  if (waiver.decidedBy) judged.decidedBy = waiver.decidedBy;
  if (waiver.decidedAt) judged.decidedAt = waiver.decidedAt;
  if (waiver.comment) judged.comment = waiver.comment;
  return judged;
}
