import type {
  ProductSignals,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { MeasurementStore } from '../database/MeasurementStore';

const DAY_MS = 86_400_000;

/** What pipelines reported, over the rolling SLO window. */
export class SignalsProvider {
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
  ): Promise<Map<string, ProductSignals>> {
    return this.deps.measurements.signals(this.windowStart(now), entityRefs);
  }

  /** One product's signals. */
  async forProduct(
    entityRef: string,
    now: Date,
  ): Promise<ProductSignals | undefined> {
    return (
      await this.deps.measurements.signals(this.windowStart(now), [entityRef])
    ).get(entityRef);
  }
}
