import { RootConfigService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { AccessApprovalMode } from '@datamesh-backstage/plugin-data-mesh-common';
import { DATA_PRODUCT_KIND } from '@datamesh-backstage/plugin-data-mesh-common';

const MODES: AccessApprovalMode[] = ['manual', 'automatic', 'external'];

/** How access requests are decided and told, from `dataMesh.access`. */
export interface AccessSettings {
  /** The purposes a request for PII may give. */
  piiPurposes: string[];
  /** The approval mode when no rule names the product or its domain. */
  defaultMode: AccessApprovalMode;
  /** Approval modes of products (by entity ref). */
  productModes: Map<string, AccessApprovalMode>;
  /** Approval modes of domains (by entity ref). */
  domainModes: Map<string, AccessApprovalMode>;
  /** How long before expiry the consumer is reminded. */
  reminderLeadTimeMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function readMode(
  config: RootConfigService,
  key: string,
  fallback?: AccessApprovalMode,
) {
  const value = fallback
    ? config.getOptionalString(key) ?? fallback
    : config.getString(key);
  if (!MODES.includes(value as AccessApprovalMode)) {
    throw new InputError(`${key} must be one of ${MODES.join(', ')}`);
  }
  return value as AccessApprovalMode;
}

/** Reads `dataMesh.access`; a bad value stops start-up, naming its key. */
export function readAccessSettings(config: RootConfigService): AccessSettings {
  const productModes = new Map<string, AccessApprovalMode>();
  const domainModes = new Map<string, AccessApprovalMode>();
  const rules = config.getOptionalConfigArray('dataMesh.access.approval.rules');
  (rules ?? []).forEach((rule, index) => {
    const key = `dataMesh.access.approval.rules[${index}]`;
    const mode = readMode(rule, 'mode');
    const product = rule.getOptionalString('product');
    const domain = rule.getOptionalString('domain');
    if (Boolean(product) === Boolean(domain)) {
      throw new InputError(`${key} must name either a product or a domain`);
    }
    if (product) {
      const ref = parseEntityRef(product, { defaultKind: DATA_PRODUCT_KIND });
      productModes.set(stringifyEntityRef(ref), mode);
    } else {
      const ref = parseEntityRef(domain!, { defaultKind: 'Domain' });
      domainModes.set(stringifyEntityRef(ref), mode);
    }
  });
  const days = config.getOptionalNumber('dataMesh.access.reminderDays') ?? 7;
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new InputError(
      'dataMesh.access.reminderDays must be a whole number from 1 to 90',
    );
  }
  return {
    piiPurposes:
      config.getOptionalStringArray('dataMesh.access.piiPurposes') ?? [],
    defaultMode: readMode(config, 'dataMesh.access.approval.default', 'manual'),
    productModes,
    domainModes,
    reminderLeadTimeMs: days * DAY_MS,
  };
}
