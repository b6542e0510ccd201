import type {
  CampaignBurnDownPoint,
  CampaignHealth,
  CampaignStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';

/**
 * How far (a share, 0 to 1) an open campaign's share done may fall below
 * the ideal line's share for the day before it is "at risk": 5 percentage
 * points.
 */
export const AT_RISK_MARGIN = 0.05;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a time, in UTC. */
export const dayOf = (time: Date): string => time.toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** What the ideal line of a campaign is drawn from. */
export interface CampaignLine {
  startDay: string;
  startShare: number;
  targetShare: number;
  deadline: string;
}

/**
 * The ideal line's share done on `day`: a straight line from the share done
 * on the start day to the target share on the deadline, flat before and
 * after. It never goes down (a campaign started above its target stays there).
 */
export function idealShare(line: CampaignLine, day: string): number {
  const span = daysBetween(line.startDay, line.deadline);
  const elapsed = daysBetween(line.startDay, day);
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, elapsed / span));
  const target = Math.max(line.targetShare, line.startShare);
  return line.startShare + (target - line.startShare) * fraction;
}

/** Share done of `total` products (everything is done when nothing is in scope). */
export const shareOf = (done: number, total: number) =>
  total === 0 ? 1 : done / total;

/**
 * The health of a campaign: closed, its outcome; open, at risk when its
 * share done is more than `AT_RISK_MARGIN` below the ideal share for
 * `day`, on track otherwise.
 */
export function campaignHealth(
  campaign: CampaignLine & { status: CampaignStatus },
  share: number,
  day: string,
): CampaignHealth {
  if (campaign.status !== 'open') {
    return campaign.status;
  }
  return share < idealShare(campaign, day) - AT_RISK_MARGIN
    ? 'at-risk'
    : 'on-track';
}

/**
 * Whether a tracked campaign closes on `day`: met once its share done
 * reaches the target, missed once the day is after its deadline (the
 * deadline itself still counts), else it stays open.
 */
export function closingOutcome(
  campaign: CampaignLine,
  share: number,
  day: string,
): Exclude<CampaignStatus, 'open'> | undefined {
  if (share >= campaign.targetShare) {
    return 'met';
  }
  return day > campaign.deadline ? 'missed' : undefined;
}

/** One recorded day of a campaign over its whole scope. */
export interface RecordedDay {
  day: string;
  total: number;
  done: number;
}

/**
 * The burn-down: products remaining each recorded day, and the products the
 * ideal line leaves remaining that day (of that day's scope, so products
 * joining or leaving the scope move both lines alike).
 */
export function burnDown(
  line: CampaignLine,
  days: RecordedDay[],
): CampaignBurnDownPoint[] {
  return days.map(({ day, total, done }) => ({
    day,
    total,
    remaining: total - done,
    idealRemaining: Math.round(total * (1 - idealShare(line, day)) * 100) / 100,
  }));
}
