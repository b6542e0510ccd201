import type { ProductCampaign } from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  CampaignRecord,
  ProductFacts,
} from '../../database/CampaignStore';

/** Whether a product's stored facts fall in a campaign's scope. */
export function inScope(campaign: CampaignRecord, facts: ProductFacts) {
  const { domains, types, lifecycles } = campaign.scope;
  const allows = (list: string[] | undefined, value: string | undefined) =>
    !list?.length || (value !== undefined && list.includes(value));
  return (
    allows(domains, facts.domain) &&
    allows(types, facts.type) &&
    allows(lifecycles, facts.lifecycle)
  );
}

/**
 * The campaign as it concerns one product (none when out of scope): the
 * targeted rules it still fails, the minimum score, and whether it is done.
 */
export function concerns(
  campaign: CampaignRecord,
  facts: ProductFacts,
): ProductCampaign[] {
  if (!inScope(campaign, facts)) {
    return [];
  }
  const failingRules = campaign.ruleIds.filter(id =>
    facts.ruleIds.includes(id),
  );
  const belowMinimum =
    campaign.minScore !== undefined && facts.score < campaign.minScore;
  return [
    {
      id: campaign.id,
      name: campaign.name,
      deadline: campaign.deadline,
      health: campaign.health,
      done: failingRules.length === 0 && !belowMinimum,
      failingRules,
      ...(campaign.minScore !== undefined
        ? { minScore: campaign.minScore }
        : {}),
      score: facts.score,
    },
  ];
}
