import type { CampaignRecord } from './CampaignStore';

/** A `campaigns` row. */
export interface CampaignRow {
  id: string;
  name: string;
  rule_ids: string;
  min_score: number | null;
  scope: string;
  target_share: number;
  deadline: string;
  start_day: string;
  start_share: number;
  created_by: string;
  created_at: string;
  status: string;
  health: string;
  tracked_at: string | null;
  closed_at: string | null;
  final_share: number | null;
}

export function toCampaignRow(campaign: CampaignRecord): CampaignRow {
  return {
    id: campaign.id,
    name: campaign.name,
    rule_ids: JSON.stringify(campaign.ruleIds),
    min_score: campaign.minScore ?? null,
    scope: JSON.stringify(campaign.scope),
    target_share: campaign.targetShare,
    deadline: campaign.deadline,
    start_day: campaign.startDay,
    start_share: campaign.startShare,
    created_by: campaign.createdBy,
    created_at: campaign.createdAt,
    status: campaign.status,
    health: campaign.health,
    tracked_at: campaign.trackedAt ?? null,
    closed_at: campaign.closedAt ?? null,
    final_share: campaign.finalShare ?? null,
  };
}

export function fromCampaignRow(row: CampaignRow): CampaignRecord {
  const optional = <T>(value: T | null) => value ?? undefined;
  return {
    id: row.id,
    name: row.name,
    ruleIds: JSON.parse(row.rule_ids),
    ...(row.min_score !== null ? { minScore: Number(row.min_score) } : {}),
    scope: JSON.parse(row.scope),
    targetShare: Number(row.target_share),
    deadline: row.deadline,
    startDay: row.start_day,
    startShare: Number(row.start_share),
    createdBy: row.created_by,
    createdAt: row.created_at,
    status: row.status as CampaignRecord['status'],
    health: row.health as CampaignRecord['health'],
    ...(row.tracked_at ? { trackedAt: row.tracked_at } : {}),
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
    ...(optional(row.final_share) !== undefined
      ? { finalShare: Number(row.final_share) }
      : {}),
  };
}
