import type { Visibility } from './visibleProducts';

/** What the KPIs need to know of one product. */
export interface KpiInputs {
  entityRef: string;
  /** Entity ref of the Domain. */
  domain: string;
  lifecycle: string;
  /** Created through a template: the scaffolder recorded it (never an annotation). */
  selfServe: boolean;
  /** Holds an active agreement on a product of another domain. */
  crossDomain: boolean;
  /**
   * Reads another domain's product by declaration only (lineage), without
   * an agreement; 0 (false) when not given.
   */
  declaredCrossDomain?: boolean;
  /**
   * Distinct entities holding an active agreement on the product; undefined
   * keeps the stored count.
   */
  consumerCount?: number;
  /**
   * Entities declared as its consumers (annotations, input ports) without
   * an agreement; 0 when not given.
   */
  declaredConsumerCount?: number;
  /** No unwaived violation of a documentation rule. */
  documentationComplete: boolean;
  /** Every measured SLO met; null when nothing is measured. */
  sloCompliant: boolean | null;
  /** When the template run that created it was requested, as recorded. */
  requestedAt: string | null;
  /** The governance score. */
  score: number | null;
}

/** A stored product, with its milestones. */
export interface KpiInputsRow extends Required<KpiInputs> {
  firstSeenAt: string;
  firstProductionAt: string | null;
}

/** When a self-served product was requested and first reached production. */
export type KpiDelivery = Pick<
  KpiInputsRow,
  'domain' | 'requestedAt' | 'firstProductionAt'
>;

/**
 * The per-product inputs of the KPIs, with the milestones the time-to-data
 * KPI reads: when the product was first seen, and first seen in production.
 * See `DatabaseKpiInputStore`.
 */
export interface KpiInputStore {
  /** Stores the inputs that changed; keeps milestones once set. Returns how many changed. */
  record(inputs: KpiInputs[], now: string): Promise<number>;

  /** When each of these products was first seen, for those seen before. */
  firstSeen(entityRefs: string[]): Promise<Map<string, string>>;

  /**
   * Forgets products the catalog confirmed are gone (their milestones go
   * with them). A product that only dropped out of one read keeps its
   * dates: callers delete only what the catalog confirmed.
   */
  delete(entityRefs: string[]): Promise<number>;

  /** Changes whenever any product's inputs change, on any replica. */
  version(): Promise<number>;

  /** Every stored product (for tests and tools; the KPIs read sums). */
  rows(): Promise<KpiInputsRow[]>;

  /** Sums per domain over the products the caller may see, in one query. */
  sumsByDomain(visibility: Visibility): Promise<Array<Record<string, any>>>;

  /**
   * Request and first production of the self-served products the caller
   * may see, per domain.
   */
  deliveries(visibility: Visibility): Promise<KpiDelivery[]>;
}
