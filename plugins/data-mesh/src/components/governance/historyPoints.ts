import type { ScorecardHistoryEntry } from '@datamesh-backstage/plugin-data-mesh-common';
import type { ScoreTrendPoint } from '@datamesh-backstage/plugin-data-mesh-react';

/** History entries, oldest first, as trend points labelled by minute (UTC). */
export function historyPoints(
  entries: ScorecardHistoryEntry[],
): ScoreTrendPoint[] {
  return [...entries]
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .map(entry => ({
      label: entry.recordedAt.slice(0, 16).replace('T', ' '),
      score: entry.score,
    }));
}
