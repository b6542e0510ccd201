import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  AccessApprovalMode,
  DataProductEntityV1alpha1,
} from '@datamesh-backstage/plugin-data-mesh-common';
import type { AccessSettings } from './accessSettings';

/** A request as the route validated its body. */
export interface AccessRequestBody {
  product: string;
  port: string;
  consumer: string;
  purpose: string;
  /** Whether anyone may read the purpose; private by default. */
  purposeShareable?: boolean;
  fields: string[];
  until: string;
  reviewer?: string;
  renews?: string;
}

/** What a request asks for, as checked against the product. */
export interface RequestedAccess {
  port: string;
  purpose: string;
  fields: string[];
  reviewer?: string;
}

/** One problem of a request: the body field and what is wrong. */
export interface AccessProblem {
  field: string;
  message: string;
}

/** The product's domain as a full entity ref; undefined when it has none. */
export function productDomain(
  product: DataProductEntityV1alpha1,
): string | undefined {
  if (!product.spec.domain) return undefined;
  return stringifyEntityRef(
    parseEntityRef(product.spec.domain, {
      defaultKind: 'Domain',
      defaultNamespace: product.metadata.namespace ?? 'default',
    }),
  );
}

/** The fields of the product's schema holding PII. */
export function piiFields(product: DataProductEntityV1alpha1): Set<string> {
  const fields = new Set(product.spec.access?.privacy?.piiColumns ?? []);
  for (const field of product.spec.schema?.fields ?? []) {
    if (field.pii) fields.add(field.name);
  }
  return fields;
}

/** Whether the request reaches PII: PII fields asked for, or the whole port of a product with PII. */
export function touchesPii(
  product: DataProductEntityV1alpha1,
  fields: string[],
): boolean {
  const pii = piiFields(product);
  return fields.length === 0 ? pii.size > 0 : fields.some(f => pii.has(f));
}

/**
 * Why the request does not fit the product's contract and access rules:
 * the port must be an output port; fields must be fields of its schema; a
 * restricted product needs a named data protection reviewer; PII needs a
 * purpose from the configured list.
 */
export function accessProblems(
  product: DataProductEntityV1alpha1,
  request: RequestedAccess,
  piiPurposes: string[],
): AccessProblem[] {
  const problems: AccessProblem[] = [];
  const ports = (product.spec.outputPorts ?? []).map(port => port.name);
  if (!ports.includes(request.port)) {
    problems.push({
      field: 'port',
      message: `must be an output port of the product (${
        ports.join(', ') || 'it has none'
      })`,
    });
  }
  const known = new Set((product.spec.schema?.fields ?? []).map(f => f.name));
  request.fields.forEach((field, index) => {
    if (!known.has(field)) {
      problems.push({
        field: `fields.${index}`,
        message: `${field} is not a field of the product's schema`,
      });
    }
  });
  if (
    product.spec.access?.classification === 'restricted' &&
    !request.reviewer
  ) {
    problems.push({
      field: 'reviewer',
      message: 'a restricted product requires a named data protection reviewer',
    });
  }
  if (
    touchesPii(product, request.fields) &&
    !piiPurposes.includes(request.purpose)
  ) {
    problems.push({
      field: 'purpose',
      message: piiPurposes.length
        ? `access to PII needs one of these purposes: ${piiPurposes.join(', ')}`
        : 'access to PII needs a purpose from dataMesh.access.piiPurposes, and none is configured',
    });
  }
  return problems;
}

/** The approval mode of a product: its own rule, else its domain's, else the default. */
export function approvalMode(
  product: DataProductEntityV1alpha1,
  settings: Pick<
    AccessSettings,
    'defaultMode' | 'productModes' | 'domainModes'
  >,
): AccessApprovalMode {
  const domain = productDomain(product);
  return (
    settings.productModes.get(stringifyEntityRef(product)) ??
    (domain ? settings.domainModes.get(domain) : undefined) ??
    settings.defaultMode
  );
}

/**
 * Whether a request in `automatic` mode is approved at once: it reaches no
 * PII and its consumer is in the product's domain. Otherwise its owners
 * decide it.
 */
export function approvedAutomatically(
  product: DataProductEntityV1alpha1,
  fields: string[],
  consumerDomain: string | undefined,
): boolean {
  // A product without a domain shares none with any consumer.
  const domain = productDomain(product);
  return (
    !touchesPii(product, fields) &&
    domain !== undefined &&
    consumerDomain === domain
  );
}
