import type { z } from 'zod/v3';
import type { ObjectOf, Zod } from '../lib/actionSchema';

/** Backstage's rule for entity names (metadata.name); also used for port names. */
export const ENTITY_NAME_PATTERN = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** Column names: SQL identifiers, so that pipelines and contracts can use them as they are. */
export const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Backstage's rule for tags. */
const TAG_PATTERN = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** `7 years`, `90 days`, `1 month`. */
export const RETENTION_PATTERN = /^[1-9][0-9]* (day|week|month|year)s?$/;

/** A product or port name: Backstage's rule for entity names. */
const entityName = (z: Zod, description: string) =>
  z
    .string({ description })
    .max(63, 'must be at most 63 characters')
    .regex(
      ENTITY_NAME_PATTERN,
      'must consist of letters, digits and [-_.], starting and ending with a letter or digit',
    );

/** Free text of at most `max` characters. */
const text = (z: Zod, max: number, description: string) =>
  z.string({ description }).max(max, `must be at most ${max} characters`);

/** A lower-case identifier such as a storage type or a data format. */
const identifier = (z: Zod, description: string) =>
  z
    .string({ description })
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a lower-case identifier');

const outputPort = (z: Zod) =>
  z.object({
    name: entityName(z, 'Port name; also names its contract file'),
    type: identifier(z, 'Storage or protocol: snowflake, kafka, rest, …'),
    format: identifier(z, 'Data format: parquet, avro, iceberg, …').optional(),
    location: text(z, 1000, 'Table, topic or bucket path').optional(),
    endpoint: text(z, 1000, 'Where an API port answers').optional(),
    authentication: identifier(z, 'oauth2, mtls, …').optional(),
    description: text(z, 2000, 'What the port serves').optional(),
  });

const schemaField = (z: Zod) =>
  z.object({
    name: z
      .string({ description: 'Column name' })
      .max(128, 'must be at most 128 characters')
      .regex(FIELD_NAME_PATTERN, 'must be an identifier (letters, digits, _)'),
    type: z
      .string({ description: 'string, integer, decimal(12,2), timestamp, …' })
      .regex(/^[A-Za-z][A-Za-z0-9_(), ]{0,63}$/, 'must be a type name')
      .optional(),
    description: text(z, 2000, 'What the column holds').optional(),
    pii: z
      .boolean({ description: 'Whether the column holds personal data' })
      .optional(),
    required: z.boolean({ description: 'Whether it is never null' }).optional(),
  });

/**
 * The input of `datamesh:product:create`, one zod schema per field: a data
 * product as a form collects it. Only the identity of the product is
 * required; completeness (schema, SLOs, classification, quality tests) is
 * for the governance check to judge against the portal's policies.
 */
export const productInputFields = {
  name: (z: Zod) => entityName(z, 'The product name (metadata.name)'),
  title: (z: Zod) => text(z, 200, 'Display title').optional(),
  description: (z: Zod) =>
    text(z, 5000, 'What the product offers and to whom').optional(),
  type: (z: Zod) =>
    z.enum(['source-aligned', 'consumer-aligned', 'aggregate'], {
      description: 'Where the product sits in the flow of data',
    }),
  domain: (z: Zod) => text(z, 253, 'Entity ref of the Domain').min(1),
  owner: (z: Zod) => text(z, 253, 'Entity ref of the owning group').min(1),
  lifecycle: (z: Zod) =>
    z
      .string({ description: 'experimental, production, …' })
      .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lower-case word')
      .default('experimental'),
  version: (z: Zod) =>
    z
      .string({ description: 'Semantic version of the contract' })
      .regex(SEMVER_PATTERN, 'must be a semantic version such as 1.0.0')
      .default('0.1.0'),
  tags: (z: Zod) =>
    z
      .array(z.string().max(63).regex(TAG_PATTERN, 'must be a Backstage tag'))
      .max(20)
      .optional(),
  outputPorts: (z: Zod) =>
    z
      .array(outputPort(z))
      .min(1, 'declare at least one port')
      .max(20)
      .describe('Where consumers read the product; one contract per port'),
  schema: (z: Zod) =>
    z
      .object({
        type: z
          .string({ description: 'avro, json-schema, protobuf, sql, …' })
          .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lower-case word')
          .optional(),
        fields: z
          .array(schemaField(z))
          .min(1, 'declare at least one field')
          .max(500),
      })
      .describe('The columns the product serves'),
  quality: (z: Zod) =>
    z
      .object({
        uniqueKey: z.string({ description: 'Field that identifies a row' }),
        freshnessColumn: z
          .string({ description: 'Timestamp field the freshness test reads' })
          .optional(),
      })
      .optional(),
  slo: (z: Zod) =>
    z
      .object({
        freshness: text(z, 50, 'For example 1 hour').optional(),
        availability: text(z, 20, 'For example 99.9%').optional(),
        completeness: text(z, 20, 'For example 99.5%').optional(),
      })
      .optional(),
  access: (z: Zod) =>
    z
      .object({
        classification: z
          .enum(['public', 'internal', 'confidential', 'restricted'])
          .optional(),
        retention: z
          .string({ description: 'For example 7 years' })
          .regex(RETENTION_PATTERN, "must read like '90 days' or '7 years'")
          .optional(),
        maskingPolicy: text(z, 200, 'How PII is masked').optional(),
      })
      .optional(),
  upstreamProducts: (z: Zod) =>
    z
      .array(text(z, 253, 'Entity ref of an upstream DataProduct').min(1))
      .max(50)
      .optional(),
  targetPath: (z: Zod) =>
    z
      .string({
        description:
          'Workspace folder to write into, inside the workspace (default: the workspace itself)',
      })
      .default('.'),
};

/** The validated input of `datamesh:product:create`. */
export type ProductInput = z.output<ObjectOf<typeof productInputFields>>;
