import type {
  RollupFigures,
  RollupTrendPoint,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { Visibility } from './visibleProducts';

/** The key of the whole mesh in `domain_rollups_daily`. */
export const MESH = '*';

/** Current rollups per domain (entity ref) and for the mesh. */
export interface CurrentRollups {
  mesh: RollupFigures;
  domains: Map<string, RollupFigures>;
}

/** Per-domain and mesh rollups, now and by day. See `DatabaseRollupStore`. */
export interface RollupStore {
  /**
   * The rollups of the products the caller may see, aggregated per domain:
   * only per-domain figures come back, whatever the number of products.
   */
  current(visibility: Visibility): Promise<CurrentRollups>;

  /** Records a day's rollups (replacing any earlier ones of the same day). */
  saveDaily(day: string, rollups: CurrentRollups): Promise<void>;

  /** Daily points from `fromDay` on, per domain key (`MESH` for the mesh). */
  trends(fromDay: string): Promise<Map<string, RollupTrendPoint[]>>;

  /** Deletes daily rollups before `beforeDay`; returns how many. */
  deleteBefore(beforeDay: string): Promise<number>;
}
