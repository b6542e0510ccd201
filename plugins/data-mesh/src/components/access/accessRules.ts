import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';

/** What the request form holds while it is being filled in. */
export interface AccessFormValues {
  port: string;
  consumer: string;
  purpose: string;
  /** Fields of the product's schema; none for the whole port. */
  fields: string[];
  /** The end date, `YYYY-MM-DD`. */
  until: string;
  /** The data protection reviewer (a user ref); restricted products only. */
  reviewer: string;
}

/** The form fields an error can name. */
export type AccessFormField = keyof AccessFormValues;

/** Error messages by form field. */
export type AccessFormErrors = Partial<Record<AccessFormField, string>>;

/** The fields of the product's schema holding PII, as the backend counts them. */
export function piiFields(product: DataProductEntityV1alpha1): Set<string> {
  const fields = new Set(product.spec.access?.privacy?.piiColumns ?? []);
  for (const field of product.spec.schema?.fields ?? []) {
    if (field.pii) fields.add(field.name);
  }
  return fields;
}

/** Whether a request reaches PII: PII fields asked for, or the whole port of a product with PII. */
export function touchesPii(
  product: DataProductEntityV1alpha1,
  fields: string[],
): boolean {
  const pii = piiFields(product);
  return fields.length === 0 ? pii.size > 0 : fields.some(f => pii.has(f));
}

/** Whether the product needs a named data protection reviewer. */
export const needsReviewer = (product: DataProductEntityV1alpha1) =>
  product.spec.access?.classification === 'restricted';

/** The end of the chosen day, as the ISO date-time the backend takes. */
export const untilDateTime = (day: string) => `${day}T23:59:59.000Z`;

/**
 * The checks the backend makes on a request, run before it is sent: every
 * field required, the purpose from the configured list when PII is reached,
 * a reviewer for restricted products, an end date in the future.
 */
export function validateAccessForm(
  values: AccessFormValues,
  product: DataProductEntityV1alpha1,
  piiPurposes: string[],
  now: Date = new Date(),
): AccessFormErrors {
  const errors: AccessFormErrors = {};
  const ports = (product.spec.outputPorts ?? []).map(p => p.name);
  if (!ports.includes(values.port)) {
    errors.port = 'Choose an output port of the product';
  }
  if (!values.consumer) {
    errors.consumer = 'Choose the entity that will read the data';
  }
  const purpose = values.purpose.trim();
  if (!purpose) {
    errors.purpose = 'Say why the data is needed';
  } else if (purpose.length > 2000) {
    errors.purpose = 'At most 2000 characters';
  } else if (
    touchesPii(product, values.fields) &&
    !piiPurposes.includes(purpose)
  ) {
    errors.purpose = piiPurposes.length
      ? `Access to PII needs one of these purposes: ${piiPurposes.join(', ')}`
      : 'Access to PII needs a configured purpose, and none is configured';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.until)) {
    errors.until = 'Choose the day the access ends';
  } else if (untilDateTime(values.until) <= now.toISOString()) {
    errors.until = 'The end date must be in the future';
  }
  if (needsReviewer(product) && !values.reviewer.trim()) {
    errors.reviewer =
      'A restricted product requires a named data protection reviewer';
  } else if (values.reviewer.trim() && !/^user:/.test(values.reviewer.trim())) {
    errors.reviewer = 'Name a user, as user:namespace/name';
  }
  return errors;
}

const FORM_FIELDS: AccessFormField[] = [
  'port',
  'consumer',
  'purpose',
  'fields',
  'until',
  'reviewer',
];

/**
 * Splits a backend 400 message (`body.purpose: ...; body.fields.0: ...`)
 * by the form field it names; what names no field is returned as `other`.
 */
export function serverFieldErrors(message: string): {
  fields: AccessFormErrors;
  other: string[];
} {
  const fields: AccessFormErrors = {};
  const other: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^body\.([A-Za-z]+)(?:\.\d+)?: (.*)$/s.exec(part);
    const field = match?.[1] as AccessFormField | undefined;
    if (match && field && FORM_FIELDS.includes(field)) {
      fields[field] = fields[field]
        ? `${fields[field]}; ${match[2]}`
        : match[2];
    } else {
      other.push(part);
    }
  }
  return { fields, other };
}

/** The backend's message of a failed request (a ResponseError's body). */
export const serverMessage = (error: Error) =>
  (error as { body?: { error?: { message?: string } } }).body?.error?.message ??
  error.message;
