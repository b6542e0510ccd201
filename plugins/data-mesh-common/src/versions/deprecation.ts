import type { DataProductEntityV1alpha1 } from '../entity/DataProductEntityV1alpha1';

/** A product's deprecation, as `spec.deprecation` declares it. @public */
export type DataProductDeprecation = NonNullable<
  DataProductEntityV1alpha1['spec']['deprecation']
>;

/**
 * Whether a deprecated product's sunset date (YYYY-MM-DD, UTC) has passed
 * at `now`: the product is no longer served from the day after it. False
 * for a product not deprecated or a date that cannot be read.
 * @public
 */
export function isSunset(
  deprecation: DataProductDeprecation | undefined,
  now: Date,
): boolean {
  const sunset = deprecation?.sunset;
  if (!sunset || !/^\d{4}-\d{2}-\d{2}$/.test(sunset)) {
    return false;
  }
  return now.toISOString().slice(0, 10) > sunset;
}
