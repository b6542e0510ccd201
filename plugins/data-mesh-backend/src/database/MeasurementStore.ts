import type {
  ProductMeasurements,
  QualityTestResult,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { SloObjective } from '@datamesh-backstage/plugin-data-mesh-common';

/** A judged SLO check, ready to store. */
export interface MeasurementRecord {
  entityRef: string;
  kind: SloObjective;
  observedAt: string;
  passed: boolean;
  value: number | null;
  source: string;
}

/** A quality test result, ready to store. */
export interface QualityRecord extends QualityTestResult {
  entityRef: string;
  source: string;
}

/**
 * SLO checks (kept for the rolling window) and the latest quality result of
 * each test. See `DatabaseMeasurementStore`.
 */
export interface MeasurementStore {
  /**
   * Stores checks and quality results in one transaction: all or nothing.
   * The latest result of each test wins, also within one call.
   */
  save(checks: MeasurementRecord[], quality: QualityRecord[]): Promise<void>;

  /**
   * Checks since `since` and latest quality results, by product: of the
   * products named (at most a page of them), or of every product.
   */
  ofProducts(
    since: string,
    entityRefs?: string[],
  ): Promise<Map<string, ProductMeasurements>>;

  /** Deletes checks and quality results older than the window; returns how many. */
  deleteBefore(before: string): Promise<number>;
}
