import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  CampaignDetails,
  CampaignFailingPage,
  CampaignInput,
  CampaignSummary,
  ProductCampaign,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { randomUUID } from 'node:crypto';
import type {
  CampaignRecord,
  CampaignStore,
  DomainCount,
} from '../../database/CampaignStore';
import { EVERY_PRODUCT, Visibility } from '../../database/visibleProducts';
import {
  AT_RISK_MARGIN,
  burnDown,
  campaignHealth,
  closingOutcome,
  dayOf,
  shareOf,
} from './campaignProgress';
import type { CampaignNotifier } from './CampaignNotifier';
import { concerns } from './productCampaigns';

const sum = (counts: DomainCount[]) =>
  counts.reduce(
    (acc, c) => ({ total: acc.total + c.total, done: acc.done + c.done }),
    { total: 0, done: 0 },
  );

/**
 * Campaigns: governance starts them; `track` (the scheduled task) records
 * each open campaign's progress per day and domain, and closes it once it
 * reaches its target (met) or passes its deadline (missed), keeping every
 * product's outcome. Reads only count the products the caller may see.
 */
export class CampaignService {
  constructor(
    private readonly deps: {
      store: CampaignStore;
      /** Every rule of the effective policies, with its lifecycle state. */
      rules: () => Map<string, string>;
      logger: LoggerService;
      /** Tells owners when a campaign starts and closes; absent in some tests. */
      notifier?: CampaignNotifier;
      now?: () => Date;
    },
  ) {}

  #now() {
    return this.deps.now?.() ?? new Date();
  }

  async create(
    input: CampaignInput,
    createdBy: string,
    visibility: Visibility,
  ) {
    const ruleIds = [...new Set(input.ruleIds ?? [])];
    const rules = this.deps.rules();
    ruleIds.forEach((id, index) => {
      const state = rules.get(id);
      if (!state) {
        throw new InputError(`body.ruleIds.${index}: no rule "${id}"`);
      }
      if (state === 'deprecated') {
        // Raising products to a rule before it bites (draft, grace) is what
        // campaigns are for; a deprecated rule is on its way out.
        throw new InputError(
          `body.ruleIds.${index}: rule "${id}" is deprecated; target its replacement`,
        );
      }
    });
    const now = this.#now();
    const today = dayOf(now);
    if (input.deadline <= today) {
      throw new InputError(`body.deadline: must be after today (${today})`);
    }
    const standard = {
      ruleIds,
      ...(input.minScore !== undefined ? { minScore: input.minScore } : {}),
      scope: input.scope ?? {},
    };
    const counts = await this.deps.store.progress(standard, EVERY_PRODUCT);
    const { total, done } = sum(counts);
    const startShare = shareOf(done, total);
    if (startShare >= input.targetShare) {
      throw new InputError(
        'body.targetShare: already reached today; choose a higher target',
      );
    }
    const campaign: CampaignRecord = {
      id: randomUUID(),
      name: input.name,
      ...standard,
      targetShare: input.targetShare,
      deadline: input.deadline,
      startDay: today,
      startShare,
      createdBy,
      createdAt: now.toISOString(),
      status: 'open',
      health: 'on-track',
    };
    await this.deps.store.create(campaign);
    await this.deps.store.saveDay(campaign.id, today, counts, {
      health: 'on-track',
      trackedAt: campaign.createdAt,
    });
    await this.deps.notifier?.started(campaign, now);
    const tracked = { ...campaign, trackedAt: campaign.createdAt };
    return visibility.all
      ? this.#summary(tracked, counts, visibility)
      : this.#summary(
          tracked,
          await this.#counts(tracked, visibility),
          visibility,
        );
  }

  /**
   * A campaign with the caller's figures. The shares of the whole scope
   * (start and final) are aggregates over products the caller may not read:
   * they are left out unless the caller may read every product.
   */
  #summary(
    campaign: CampaignRecord,
    counts: DomainCount[],
    visibility: Visibility,
  ): CampaignSummary {
    const { total, done } = sum(counts);
    const { startShare, finalShare, ...rest } = campaign;
    return {
      ...rest,
      ...(visibility.all
        ? { startShare, ...(finalShare !== undefined ? { finalShare } : {}) }
        : {}),
      total,
      done,
      share: shareOf(done, total),
    };
  }

  async #counts(campaign: CampaignRecord, visibility: Visibility) {
    return campaign.status === 'open'
      ? this.deps.store.progress(campaign, visibility)
      : this.deps.store.closedProgress(campaign.id, visibility);
  }

  async #get(id: string) {
    const campaign = await this.deps.store.get(id);
    if (!campaign) {
      throw new NotFoundError(`No campaign ${id}`);
    }
    return campaign;
  }

  async list(visibility: Visibility): Promise<CampaignSummary[]> {
    const campaigns = await this.deps.store.list();
    return Promise.all(
      campaigns.map(async c =>
        this.#summary(c, await this.#counts(c, visibility), visibility),
      ),
    );
  }

  async details(id: string, visibility: Visibility): Promise<CampaignDetails> {
    const campaign = await this.#get(id);
    const counts = await this.#counts(campaign, visibility);
    const restricted = !visibility.all;
    return {
      campaign: this.#summary(campaign, counts, visibility),
      domains: counts
        .map(c => ({
          ...(c.domain ? { domain: c.domain } : {}),
          total: c.total,
          done: c.done,
          remaining: c.total - c.done,
        }))
        .sort(
          (a, b) =>
            b.remaining - a.remaining ||
            (a.domain ?? '').localeCompare(b.domain ?? ''),
        ),
      burnDown: restricted
        ? []
        : burnDown(campaign, await this.deps.store.days(id)),
      restricted,
      atRiskMargin: AT_RISK_MARGIN,
    };
  }

  async failing(
    id: string,
    visibility: Visibility,
    page: { limit: number; after?: string },
  ): Promise<CampaignFailingPage> {
    return this.deps.store.failing(await this.#get(id), visibility, page);
  }

  /** The open campaigns whose scope includes a product (the caller may see). */
  async forProduct(entityRef: string): Promise<ProductCampaign[]> {
    const facts = await this.deps.store.productFacts(entityRef);
    if (!facts) {
      return [];
    }
    const open = await this.deps.store.list({ status: 'open' });
    return open.flatMap(c => concerns(c, facts));
  }

  /** Closes an open campaign now: met if it reached its target, else missed. */
  async close(id: string): Promise<CampaignSummary> {
    const campaign = await this.#get(id);
    if (campaign.status !== 'open') {
      throw new ConflictError(`Campaign ${id} is already closed`);
    }
    const counts = await this.deps.store.progress(campaign, EVERY_PRODUCT);
    const { total, done } = sum(counts);
    const share = shareOf(done, total);
    const outcome = share >= campaign.targetShare ? 'met' : 'missed';
    return this.#record(campaign, counts, outcome);
  }

  async #record(
    campaign: CampaignRecord,
    counts: DomainCount[],
    outcome: 'met' | 'missed' | undefined,
  ): Promise<CampaignSummary> {
    const now = this.#now();
    const today = dayOf(now);
    const { total, done } = sum(counts);
    const share = shareOf(done, total);
    const health = outcome ?? campaignHealth(campaign, share, today);
    await this.deps.store.saveDay(campaign.id, today, counts, {
      health,
      trackedAt: now.toISOString(),
    });
    if (outcome) {
      const closedAt = now.toISOString();
      if (!(await this.deps.store.close(campaign, outcome, share, closedAt))) {
        throw new ConflictError(`Campaign ${campaign.id} is already closed`);
      }
      this.deps.logger.info(
        `Campaign "${campaign.name}" closed ${outcome} at ${Math.round(
          share * 100,
        )}%`,
      );
      await this.deps.notifier?.closed(
        { ...campaign, status: outcome },
        { outcome, share, closedAt },
        now,
      );
      return {
        ...campaign,
        status: outcome,
        health: outcome,
        closedAt,
        finalShare: share,
        total,
        done,
        share,
      };
    }
    return {
      ...campaign,
      health,
      trackedAt: now.toISOString(),
      total,
      done,
      share,
    };
  }

  /**
   * Records today's progress of every open campaign over the whole scope,
   * and closes those that reached their target or passed their deadline.
   */
  async track(): Promise<CampaignSummary[]> {
    const today = dayOf(this.#now());
    const tracked: CampaignSummary[] = [];
    for (const campaign of await this.deps.store.list({ status: 'open' })) {
      const counts = await this.deps.store.progress(campaign, EVERY_PRODUCT);
      const { total, done } = sum(counts);
      const outcome = closingOutcome(campaign, shareOf(done, total), today);
      try {
        tracked.push(await this.#record(campaign, counts, outcome));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return tracked;
  }
}
