import type {
  Scorecard,
  ScorecardWaiver,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** What history notes are computed from: a result's violations and waivers. @public */
export type WaiverHistoryState = Pick<Scorecard, 'violations' | 'waivers'>;

const day = (iso: string) => iso.slice(0, 10);

function rulesWhere(
  state: WaiverHistoryState,
  waived: boolean | undefined,
): Set<string> {
  return new Set(
    state.violations
      .filter(v => waived === undefined || v.waived === waived)
      .map(v => v.ruleId),
  );
}

function whyItCountsAgain(ruleId: string, waiver?: ScorecardWaiver): string {
  const again = 'the violation counts again';
  if (!waiver) {
    return `Waiver of ${ruleId} withdrawn; ${again}`;
  }
  switch (waiver.standing) {
    case 'expired':
      return `Waiver of ${ruleId} expired on ${day(
        waiver.expiresAt,
      )}; ${again}`;
    case 'revoked':
      return `Waiver of ${ruleId} revoked by ${
        waiver.decidedBy ?? 'governance'
      }; ${again}`;
    case 'pending-approval':
      return `Waiver of ${ruleId} changed and waits for approval; ${again}`;
    default:
      return `Waiver of ${ruleId} no longer counts (${waiver.explanation}); ${again}`;
  }
}

/**
 * Why a product's result changed as far as waivers go, for its history: the
 * rules whose violations a waiver stopped covering (expired, revoked,
 * changed, withdrawn, no longer valid) and those a newly approved waiver
 * covers. Empty for a first result.
 * @public
 */
export function waiverHistoryNotes(
  previous: WaiverHistoryState | undefined,
  next: WaiverHistoryState,
): string[] {
  if (!previous) {
    return [];
  }
  const notes: string[] = [];
  const waivedBefore = rulesWhere(previous, true);
  const waivedNow = rulesWhere(next, true);
  const violatedBefore = rulesWhere(previous, undefined);
  const unwaivedNow = rulesWhere(next, false);
  const listed = next.waivers ?? [];
  for (const ruleId of [...waivedBefore].sort()) {
    if (unwaivedNow.has(ruleId) && !waivedNow.has(ruleId)) {
      const source = previous.violations.find(
        v => v.ruleId === ruleId && v.waived,
      )?.waiver?.source;
      const waiver =
        listed.find(w => w.ruleId === ruleId && w.source === source) ??
        listed.find(w => w.ruleId === ruleId);
      notes.push(whyItCountsAgain(ruleId, waiver));
    }
  }
  for (const ruleId of [...waivedNow].sort()) {
    if (violatedBefore.has(ruleId) && !waivedBefore.has(ruleId)) {
      const waiver = listed.find(w => w.ruleId === ruleId && w.counts);
      notes.push(
        `Waiver of ${ruleId} approved by ${
          waiver?.decidedBy ?? 'governance'
        }; the violation no longer counts`,
      );
    }
  }
  return notes;
}
