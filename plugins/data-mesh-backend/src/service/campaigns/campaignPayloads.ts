import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { CampaignRecord, OwnerCount } from '../../database/CampaignStore';

/** Where a campaign stood when it closed. */
export interface CampaignClosing {
  outcome: 'met' | 'missed';
  share: number;
  closedAt: string;
}

/**
 * The campaign notification topics, by the name of their configuration key
 * (`dataMesh.notifications.<key>.enabled`).
 */
export const CAMPAIGN_TOPICS = {
  campaignStarted: 'data-mesh-campaign-started',
  campaignClosed: 'data-mesh-campaign-closed',
} as const;

const percent = (share: number) => `${Math.round(share * 100)}%`;

const products = (count: number) =>
  count === 1 ? '1 of your products' : `${count} of your products`;

/** What a product must do to be done, in words. */
function standardOf(campaign: CampaignRecord): string {
  const parts = [
    ...(campaign.ruleIds.length > 0
      ? [`pass ${campaign.ruleIds.join(', ')}`]
      : []),
    ...(campaign.minScore !== undefined
      ? [`score at least ${campaign.minScore}`]
      : []),
  ];
  return parts.join(' and ');
}

const link = (campaign: CampaignRecord) =>
  `/data-mesh/campaigns/${encodeURIComponent(campaign.id)}`;

/** The notifications of a campaign, for one owner. */
export const campaignPayload = {
  started(campaign: CampaignRecord, owner: OwnerCount): NotificationPayload {
    return {
      title: `Campaign "${campaign.name}": ${products(
        owner.count,
      )} to raise by ${campaign.deadline}`,
      description: `A governance campaign started on ${
        campaign.startDay
      }: products in its scope must ${standardOf(campaign)}. ${products(
        owner.count,
      )} do not yet. Target: ${percent(campaign.targetShare)} of the scope by ${
        campaign.deadline
      }.`,
      link: link(campaign),
      severity: 'normal',
      topic: CAMPAIGN_TOPICS.campaignStarted,
    };
  },

  closed(
    campaign: CampaignRecord,
    closing: CampaignClosing,
    owner: OwnerCount,
  ): NotificationPayload {
    return {
      title: `Campaign "${campaign.name}" ${
        closing.outcome === 'met' ? 'met its target' : 'missed its target'
      }: ${percent(closing.share)} done of ${percent(campaign.targetShare)}`,
      description: `The campaign closed on ${closing.closedAt.slice(
        0,
        10,
      )} (deadline ${campaign.deadline}). ${products(
        owner.count,
      )} still did not ${standardOf(campaign)} when it closed.`,
      link: link(campaign),
      severity: 'normal',
      topic: CAMPAIGN_TOPICS.campaignClosed,
    };
  },
};
