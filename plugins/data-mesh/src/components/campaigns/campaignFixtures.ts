import type {
  CampaignDetails,
  CampaignSummary,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** A campaign as the backend lists it. */
export function campaignSummary(
  overrides: Partial<CampaignSummary> = {},
): CampaignSummary {
  return {
    id: 'c-1',
    name: 'Describe every product',
    ruleIds: ['DOC-001'],
    scope: { domains: ['domain:default/customer'] },
    targetShare: 0.9,
    deadline: '2026-12-31',
    startDay: '2026-12-01',
    startShare: 0.5,
    createdBy: 'user:default/grace',
    createdAt: '2026-12-01T10:00:00.000Z',
    status: 'open',
    health: 'at-risk',
    total: 10,
    done: 6,
    share: 0.6,
    ...overrides,
  };
}

/** The campaign page's data: two days of burn-down, two domains. */
export function campaignDetails(): CampaignDetails {
  return {
    campaign: campaignSummary(),
    domains: [
      { domain: 'domain:default/customer', total: 6, done: 2, remaining: 4 },
      { domain: 'domain:default/finance', total: 4, done: 4, remaining: 0 },
    ],
    burnDown: [
      { day: '2026-12-01', total: 10, remaining: 5, idealRemaining: 5 },
      { day: '2026-12-02', total: 10, remaining: 4, idealRemaining: 3.67 },
    ],
    restricted: false,
    atRiskMargin: 0.05,
  };
}
