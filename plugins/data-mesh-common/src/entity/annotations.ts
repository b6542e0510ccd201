/**
 * The template that created the product, as a Template entity ref. Written by
 * the suite's scaffolder templates and shown on the product page. Not
 * counted by the self-serve KPI, which counts only what the scaffolder
 * recorded (anyone can type an annotation).
 * @public
 */
export const ANNOTATION_TEMPLATE = 'datamesh.io/template';

/**
 * When the product was requested through a template (ISO date-time). Shown,
 * not counted: the time-to-data KPI reads the request time the scaffolder
 * recorded.
 * @public
 */
export const ANNOTATION_REQUESTED_AT = 'datamesh.io/requested-at';

/**
 * When the product says it first reached production (ISO date-time). Shown,
 * not counted: the time-to-data KPI counts from the first evaluation that
 * saw the product in production.
 * @public
 */
export const ANNOTATION_PUBLISHED_AT = 'datamesh.io/published-at';

/**
 * Data products any entity (a service, a dashboard, a model) reads, as a
 * comma-separated list of entity refs; default kind DataProduct.
 * @public
 */
export const ANNOTATION_CONSUMES = 'datamesh.io/consumes';

/**
 * dbt models (comma-separated unique ids or names) whose test results count
 * as the product's quality test results.
 * @public
 */
export const ANNOTATION_DBT_MODELS = 'datamesh.io/dbt-models';

/**
 * Great Expectations suites (comma-separated names) whose validation results
 * count as the product's quality test results.
 * @public
 */
export const ANNOTATION_GX_SUITES = 'datamesh.io/great-expectations-suites';

/** Splits a comma-separated annotation value into trimmed, non-empty items. @public */
export function splitAnnotationList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);
}
