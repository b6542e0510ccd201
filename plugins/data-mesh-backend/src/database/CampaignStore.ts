import type {
  CampaignScope,
  CampaignStatus,
  CampaignHealth,
  CampaignFailingPage,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { Visibility } from './visibleProducts';

/** A campaign as stored. */
export interface CampaignRecord {
  id: string;
  name: string;
  /**
   * Rules a product must not fail (unwaived) to be done: enforced, or in
   * draft or grace (failing one counts before it is scored).
   */
  ruleIds: string[];
  /** Score a product must reach to be done. */
  minScore?: number;
  scope: CampaignScope;
  targetShare: number;
  /** Last day (`YYYY-MM-DD`, UTC), inclusive. */
  deadline: string;
  startDay: string;
  startShare: number;
  createdBy: string;
  createdAt: string;
  status: CampaignStatus;
  health: CampaignHealth;
  trackedAt?: string;
  closedAt?: string;
  finalShare?: number;
}

/** What decides whether a product is in a campaign's scope and done. */
export type CampaignStandard = Pick<
  CampaignRecord,
  'ruleIds' | 'minScore' | 'scope'
>;

/** Products in scope and done in one domain (`undefined`: no domain). */
export interface DomainCount {
  domain?: string;
  total: number;
  done: number;
}

/** Campaigns, their daily progress and their closing outcomes. See `DatabaseCampaignStore`. */
export interface CampaignStore {
  create(campaign: CampaignRecord): Promise<void>;
  get(id: string): Promise<CampaignRecord | undefined>;
  /** Every campaign, newest first (at most `limit`). */
  list(options?: {
    status?: CampaignStatus;
    limit?: number;
  }): Promise<CampaignRecord[]>;
  /**
   * Products in scope and done per domain, counted in SQL over the stored
   * scorecards the visibility allows (live, for open campaigns).
   */
  progress(
    standard: CampaignStandard,
    visibility: Visibility,
  ): Promise<DomainCount[]>;
  /** The same, as the campaign stood when it closed. */
  closedProgress(id: string, visibility: Visibility): Promise<DomainCount[]>;
  /** Records a day's progress (replacing that day's) and the health then. */
  saveDay(
    id: string,
    day: string,
    counts: DomainCount[],
    tracked: { health: CampaignHealth; trackedAt: string },
  ): Promise<void>;
  /** The recorded days, over every domain, oldest first. */
  days(
    id: string,
  ): Promise<Array<{ day: string; total: number; done: number }>>;
  /**
   * Closes an open campaign: keeps each product's outcome (in SQL) and the
   * final share. False when it was no longer open.
   */
  close(
    campaign: CampaignRecord,
    outcome: Exclude<CampaignStatus, 'open'>,
    finalShare: number,
    closedAt: string,
  ): Promise<boolean>;
  /** A page of products not done (live when open, as closed otherwise). */
  failing(
    campaign: CampaignRecord,
    visibility: Visibility,
    page: { limit: number; after?: string },
  ): Promise<CampaignFailingPage>;
  /**
   * The owners of the products in scope not done (live when open, as
   * closed otherwise), with how many each owns: counted in SQL.
   */
  failingOwners(campaign: CampaignRecord): Promise<OwnerCount[]>;
  /** What a campaign needs of one product, from its stored scorecard. */
  productFacts(entityRef: string): Promise<ProductFacts | undefined>;
}

/** A product's stored scorecard, as campaigns read it. */
export interface ProductFacts {
  domain?: string;
  type?: string;
  lifecycle?: string;
  score: number;
  /** Unwaived rules it fails, scored or in draft or grace. */
  ruleIds: string[];
}

/** An owner and how many of its products are not done. */
export interface OwnerCount {
  owner: string;
  count: number;
}
