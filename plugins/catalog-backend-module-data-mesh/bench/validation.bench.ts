/*
 * Validates and processes N synthetic data products and prints products per
 * second, on the one core a Node.js thread uses.
 *
 *   yarn workspace @datamesh-backstage/plugin-catalog-backend-module-data-mesh bench [N]
 *
 * N defaults to 100000 (or BENCH_PRODUCTS). Products are generated in batches
 * whose generation is not timed, so memory stays bounded for large N.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { validateDataProductEntity } from '@datamesh-backstage/plugin-data-mesh-common';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataProductEntitiesProcessor } from '../src/processor/DataProductEntitiesProcessor';
import { syntheticProduct } from './syntheticProducts';

const TARGET_PER_SECOND = 20_000;
const BATCH = 10_000;
const location = { type: 'file', target: 'bench' };

/** Handles one product; returns how many things it counted (relations). */
type Measure = (entity: Entity) => Promise<number> | number;

/** Runs `measure` over products 0..n-1 in batches; returns the timed seconds. */
async function timed(n: number, measure: Measure) {
  let seconds = 0;
  let counted = 0;
  for (let start = 0; start < n; start += BATCH) {
    const products = Array.from(
      { length: Math.min(BATCH, n - start) },
      (_, k) => syntheticProduct(start + k),
    );
    const begin = performance.now();
    for (const entity of products) {
      counted += await measure(entity);
    }
    seconds += (performance.now() - begin) / 1000;
  }
  return { seconds, counted };
}

function validateOnly(entity: Entity) {
  const result = validateDataProductEntity(entity);
  if (!result.valid) {
    throw new Error(
      `${entity.metadata.name} is invalid: ${result.errors[0].message}`,
    );
  }
  return 0;
}

const processor = new DataProductEntitiesProcessor();
async function validateAndProcess(entity: Entity) {
  if (!(await processor.validateEntityKind(entity))) {
    throw new Error(`${entity.metadata.name} was not recognised`);
  }
  let relations = 0;
  await processor.postProcessEntity(
    entity,
    location,
    (r: CatalogProcessorResult) => {
      if (r.type !== 'relation') {
        throw new Error(`${entity.metadata.name}: unexpected ${r.type}`);
      }
      relations += 1;
    },
  );
  return relations;
}

function report(label: string, n: number, seconds: number, extra = '') {
  const rate = Math.round(n / seconds);
  console.log(
    `${label.padEnd(44)} ${rate
      .toLocaleString('en-US')
      .padStart(9)} products/s` + `  (${seconds.toFixed(2)} s${extra})`,
  );
  return rate;
}

async function main() {
  const n = Number(process.argv[2] ?? process.env.BENCH_PRODUCTS ?? 100_000);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`N must be a positive integer, got ${process.argv[2]}`);
  }
  console.log(
    `DataProduct benchmark: ${n.toLocaleString('en-US')} synthetic products, ` +
      `Node ${process.version}, ${
        cpus()[0]?.model ?? 'unknown CPU'
      } (one thread)`,
  );
  // Warm-up: compiles the schema and lets the JIT settle; not counted.
  await timed(Math.min(n, 5_000), validateOnly);
  await timed(Math.min(n, 5_000), validateAndProcess);

  const validation = await timed(n, validateOnly);
  const rate = report(
    'validation (validateDataProductEntity)',
    n,
    validation.seconds,
  );
  const processing = await timed(n, validateAndProcess);
  report(
    'validation + relations (processor)',
    n,
    processing.seconds,
    `, ${processing.counted.toLocaleString('en-US')} relations`,
  );
  const verdict = rate >= TARGET_PER_SECOND ? 'met' : 'NOT met';
  console.log(
    `target >= ${TARGET_PER_SECOND.toLocaleString('en-US')} products/s ` +
      `for validation: ${verdict}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
