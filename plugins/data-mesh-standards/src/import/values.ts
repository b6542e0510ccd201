import {
  DATA_CLASSIFICATIONS,
  DataClassification,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** A value the conversion could not read, with the reason for the loss report. */
export type Parsed<T> = { value: T } | { reason: string };

const ENTITY_NAME = /^[a-z0-9A-Z]([-_.a-z0-9A-Z]{0,61}[a-z0-9A-Z])?$/;

/** Whether a string is a valid entity name as it is. */
export function isEntityName(value: string): boolean {
  return ENTITY_NAME.test(value);
}

/**
 * An entity name for a product, owner or domain: kept when valid and in
 * lower case, otherwise lower-cased with every run of other characters turned into one `-`
 * (`Order Events` → `order-events`). Undefined when nothing is left.
 */
export function toEntityName(value: string): string | undefined {
  if (isEntityName(value) && value === value.toLowerCase()) {
    return value;
  }
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || undefined;
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A semantic version (`v1.2.0` is read as `1.2.0`). */
export function parseSemver(value: string): Parsed<string> {
  const version = value.trim().replace(/^v(?=\d)/, '');
  return SEMVER.test(version)
    ? { value: version }
    : { reason: `value not understood: '${value}' is not a semantic version` };
}

const STATUS_TO_LIFECYCLE: Record<string, string> = {
  active: 'production',
  draft: 'experimental',
  development: 'experimental',
  'in development': 'experimental',
};
const LIFECYCLE_TO_STATUS: Record<string, string> = {
  production: 'active',
  experimental: 'draft',
};

/**
 * The entity lifecycle of a standard's status: `active` → `production`,
 * `draft` / `in development` → `experimental`; other statuses (`proposed`,
 * `deprecated`, `retired`, ...) are kept as they are, lower-cased.
 */
export function statusToLifecycle(status: string): string {
  const key = status.trim().toLowerCase();
  return STATUS_TO_LIFECYCLE[key] ?? key;
}

/** The standard's status of an entity lifecycle (inverse of {@link statusToLifecycle}). */
export function lifecycleToStatus(lifecycle: string): string {
  return LIFECYCLE_TO_STATUS[lifecycle] ?? lifecycle;
}

const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

/** A Backstage tag: lower-cased, spaces and underscores as `-`. */
export function toTag(value: string): Parsed<string> {
  const tag = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return tag.length > 0 && tag.length <= 63 && TAG.test(tag)
    ? { value: tag }
    : { reason: `value not understood: '${value}' is not a valid tag` };
}

const CLASSIFICATION_ALIASES: Record<string, DataClassification> = {
  public: 'public',
  open: 'public',
  internal: 'internal',
  private: 'internal',
  confidential: 'confidential',
  sensitive: 'confidential',
  restricted: 'restricted',
  secret: 'restricted',
};

/** A classification level from its usual names (`sensitive` → `confidential`). */
export function parseClassification(
  value: unknown,
): Parsed<DataClassification> {
  if (typeof value === 'string') {
    const level = CLASSIFICATION_ALIASES[value.trim().toLowerCase()];
    if (level && DATA_CLASSIFICATIONS.includes(level)) return { value: level };
  }
  return {
    reason: `value not understood: '${String(
      value,
    )}' is not a classification level (${DATA_CLASSIFICATIONS.join(', ')})`,
  };
}

/** Whether a tag or classification string says the data is personal (PII). */
export function saysPii(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^(pii|personal[-_ ]?data|gdpr[-_ ]?personal)$/i.test(value.trim())
  );
}
