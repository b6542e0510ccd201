/*
 * Policy evaluation throughput: evaluates N synthetic products against the
 * default pack on one core and prints products per second.
 *
 *   yarn workspace @datamesh-backstage/plugin-data-mesh-node bench [N]
 */
import { compilePolicies } from '../src/policy/compilePolicies';
import { loadDefaultPolicyPack } from '../src/policy/defaultPolicyPack';
import { createCatalogSnapshotContext } from '../src/engine/EvaluationContext';
import { evaluateProduct } from '../src/engine/evaluateProduct';
import {
  createSyntheticGroups,
  createSyntheticProducts,
} from '../src/testUtils';

const count = Number(process.argv[2] ?? 100_000);
const products = createSyntheticProducts(count);
const policies = compilePolicies([loadDefaultPolicyPack()]);
const context = createCatalogSnapshotContext([
  ...createSyntheticGroups(),
  ...products,
]);
const now = new Date();

// Warm up the JIT on a slice, then measure the whole set.
for (const product of products.slice(0, 2000)) {
  evaluateProduct(product, policies, { context, now });
}
const started = process.hrtime.bigint();
let violations = 0;
const statuses = { pass: 0, warn: 0, fail: 0 };
for (const product of products) {
  const card = evaluateProduct(product, policies, { context, now });
  violations += card.violations.length;
  statuses[card.status] += 1;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(
  JSON.stringify({
    benchmark: 'policy evaluation (default pack, one core)',
    products: count,
    rules: policies.rulesFor('domain:default/customer').length,
    seconds: Number(seconds.toFixed(3)),
    productsPerSecond: Math.round(count / seconds),
    violations,
    statuses,
    target: '>= 20000 products/s',
  }),
);
