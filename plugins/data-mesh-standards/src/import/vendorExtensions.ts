import { isProductType } from './entityDraft';
import { toEntityName } from './values';

/**
 * The entity fields the suite's vendor extensions carry: DPDS and DCS
 * `info.x-productType` / `info.x-lifecycle` / `info.x-domain`, ODPS and ODCS
 * `customProperties` entries `productType` / `lifecycle` / `domain`.
 */
export const EXTENSION_FIELDS = ['type', 'lifecycle', 'domain'] as const;

/** An entity field a vendor extension carries. */
export type ExtensionField = (typeof EXTENSION_FIELDS)[number];

/** The name of the field's extension in `info` of DPDS and DCS. */
export const INFO_EXTENSION: Record<ExtensionField, string> = {
  type: 'x-productType',
  lifecycle: 'x-lifecycle',
  domain: 'x-domain',
};

/** The name of the field's custom property in ODPS and ODCS. */
export const CUSTOM_PROPERTY: Record<ExtensionField, string> = {
  type: 'productType',
  lifecycle: 'lifecycle',
  domain: 'domain',
};

/** The field a custom property name carries (case-insensitive), if any. */
export function extensionOfProperty(
  property: string,
): ExtensionField | undefined {
  const key = property.toLowerCase();
  if (key === 'producttype' || key === 'dataproducttype') return 'type';
  if (key === 'lifecycle') return 'lifecycle';
  if (key === 'domain') return 'domain';
  return undefined;
}

/** The entity value of an extension, or why it is not understood. */
export function parseExtension(
  field: ExtensionField,
  value: unknown,
): { value: string } | { reason: string } {
  if (field === 'type') {
    return isProductType(value)
      ? { value }
      : {
          reason: `value not understood: '${String(
            value,
          )}' is not a product type`,
        };
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const name = field === 'domain' ? toEntityName(text) : text.toLowerCase();
  return name && /^[a-z0-9-]+$/.test(name)
    ? { value: name }
    : { reason: `value not understood: '${String(value)}' is not a ${field}` };
}

/**
 * Sets an entity field from its extension when the standard's own field left
 * it empty. Returns why the value has no place (not understood, or another
 * value already given by the standard's own field), or undefined when taken.
 */
export function applyExtension(
  spec: Partial<Record<ExtensionField, string>>,
  field: ExtensionField,
  value: unknown,
): string | undefined {
  const parsed = parseExtension(field, value);
  if (!('value' in parsed)) return parsed.reason;
  const current = spec[field];
  if (current === undefined) {
    spec[field] = parsed.value;
    return undefined;
  }
  return current === parsed.value
    ? undefined
    : `conflict: the file's own field gives ${field} '${current}'`;
}
