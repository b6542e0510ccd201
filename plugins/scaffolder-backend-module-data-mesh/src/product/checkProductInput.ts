import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DATA_PRODUCT_KIND,
  parseDurationTarget,
  parsePercentTarget,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { ProductInput } from './productInput';

/** Path, in the product's repository, of the contract of an output port. */
export const contractPath = (portName: string) =>
  `contracts/${portName}.odcs.yaml`;

/** The pipeline model's name: the product name as an SQL identifier. */
export const modelName = (productName: string) =>
  productName.toLocaleLowerCase('en-US').replace(/[^a-z0-9_]/g, '_');

/** Names that appear more than once, compared case-insensitively. */
function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of names) {
    const key = name.toLocaleLowerCase('en-US');
    if (seen.has(key)) {
      repeated.add(name);
    }
    seen.add(key);
  }
  return [...repeated];
}

function kindOf(ref: string, defaultKind: string): string | undefined {
  try {
    return parseEntityRef(ref, { defaultKind }).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** What is wrong with the product input beyond the shape of each field. */
function problemsOf(input: ProductInput): string[] {
  const problems: string[] = [];
  const fieldNames = input.schema.fields.map(f => f.name);
  for (const name of duplicates(fieldNames)) {
    problems.push(`schema.fields: '${name}' is declared more than once`);
  }
  for (const name of duplicates(input.outputPorts.map(p => p.name))) {
    problems.push(`outputPorts: '${name}' is declared more than once`);
  }
  const known = new Set(fieldNames);
  const { uniqueKey, freshnessColumn } = input.quality ?? {};
  if (uniqueKey !== undefined && !known.has(uniqueKey)) {
    problems.push(`quality.uniqueKey: '${uniqueKey}' is not a schema field`);
  }
  if (freshnessColumn && !known.has(freshnessColumn)) {
    problems.push(
      `quality.freshnessColumn: '${freshnessColumn}' is not a schema field`,
    );
  }
  const { freshness, availability, completeness } = input.slo ?? {};
  if (freshness?.trim() && !parseDurationTarget(freshness)) {
    problems.push(
      `slo.freshness: '${freshness}' is not a duration such as '1 hour' or '30 minutes'`,
    );
  }
  for (const [key, value] of Object.entries({ availability, completeness })) {
    const percent = parsePercentTarget(value);
    if (value?.trim() && (percent === undefined || percent > 100)) {
      problems.push(
        `slo.${key}: '${value}' is not a percentage such as '99.9%'`,
      );
    }
  }
  if (kindOf(input.domain, 'Domain') !== 'domain') {
    problems.push(`domain: '${input.domain}' is not a Domain entity ref`);
  }
  const upstream = input.upstreamProducts ?? [];
  upstream.forEach((ref, i) => {
    if (kindOf(ref, DATA_PRODUCT_KIND) !== 'dataproduct') {
      problems.push(
        `upstreamProducts[${i}]: '${ref}' is not a DataProduct entity ref`,
      );
    }
  });
  if (input.type === 'source-aligned' && upstream.length) {
    problems.push(
      'upstreamProducts: a source-aligned product reads source systems, not other data products',
    );
  }
  if (input.type === 'consumer-aligned' && !upstream.length) {
    problems.push(
      'upstreamProducts: a consumer-aligned product reads at least one upstream data product',
    );
  }
  const distinct = new Set(upstream.map(ref => ref.toLocaleLowerCase('en-US')));
  if (input.type === 'aggregate' && distinct.size < 2) {
    problems.push(
      'upstreamProducts: an aggregate product combines at least two upstream data products',
    );
  }
  return problems;
}

/**
 * Checks what a schema cannot: unique field and port names, quality columns
 * that exist, parseable SLO targets, refs of the right kinds and upstream
 * products that fit the product type. Throws one InputError naming every
 * problem.
 */
export function checkProductInput(input: ProductInput): void {
  const problems = problemsOf(input);
  if (problems.length) {
    throw new InputError(
      `The data product '${input.name}' cannot be created: ${problems.join(
        '; ',
      )}`,
    );
  }
}
