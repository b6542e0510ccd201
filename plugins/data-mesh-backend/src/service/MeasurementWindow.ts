import type {
  ProductMeasurements,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { MeasurementStore } from '../database/MeasurementStore';

const DAY_MS = 86_400_000;

/** What pipelines reported, over the rolling SLO window. */
export class MeasurementWindow {
  constructor(
    private readonly deps: {
      measurements: MeasurementStore;
      sloOptions: SloOptions;
    },
  ) {}

  get sloOptions() {
    return this.deps.sloOptions;
  }

  /** The start of the window that ends at `now`. */
  windowStart(now: Date): string {
    return new Date(
      now.getTime() - this.deps.sloOptions.windowDays * DAY_MS,
    ).toISOString();
  }

  /** The signals of a page of products. */
  forProducts(
    entityRefs: string[],
    now: Date,
  ): Promise<Map<string, ProductMeasurements>> {
    return this.deps.measurements.ofProducts(this.windowStart(now), entityRefs);
  }

  /** One product's signals. */
  async forProduct(
    entityRef: string,
    now: Date,
  ): Promise<ProductMeasurements | undefined> {
    return (
      await this.deps.measurements.ofProducts(this.windowStart(now), [
        entityRef,
      ])
    ).get(entityRef);
  }
}
