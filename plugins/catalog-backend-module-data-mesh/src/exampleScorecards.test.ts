import { stringifyEntityRef } from '@backstage/catalog-model';
import { isDataProductEntity } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  compilePolicies,
  createCatalogSnapshotContext,
  evaluateProduct,
  loadDefaultPolicyPack,
  parsePolicyPack,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadExampleMesh,
  readYaml,
  repoRoot,
} from './__testUtils__/exampleMesh';

/** The policies the portal runs with: the default pack and app-config's pack files. */
function portalPolicies() {
  const [{ dataMesh }] = readYaml('app-config.yaml');
  const files: string[] = dataMesh.governance.packFiles;
  return compilePolicies([
    loadDefaultPolicyPack(),
    ...files.map(file => {
      const path = join(repoRoot, 'packages/backend', file);
      return parsePolicyPack(readFileSync(path, 'utf8'), file);
    }),
  ]);
}

describe('the example mesh under the portal policies', () => {
  const entities = loadExampleMesh().map(({ entity }) => entity);
  const context = createCatalogSnapshotContext(entities);
  const policies = portalPolicies();
  const cards = entities
    .filter(isDataProductEntity)
    .map(product => evaluateProduct(product, policies, { context }));
  const byName = new Map(
    cards.map(card => [card.entityRef.split('/')[1], card]),
  );

  it('spreads across pass, warn and fail, so that scorecards differ', () => {
    const statuses = { pass: 0, warn: 0, fail: 0 };
    cards.forEach(card => statuses[card.status]++);
    expect(statuses.pass).toBeGreaterThanOrEqual(12);
    expect(statuses.warn).toBeGreaterThanOrEqual(2);
    expect(statuses.fail).toBeGreaterThanOrEqual(8);
    expect(new Set(cards.map(card => card.score)).size).toBeGreaterThanOrEqual(
      8,
    );
  });

  it('passes the reference customer-360 and fails the deliberately weak products', () => {
    expect(byName.get('customer-360')).toMatchObject({
      score: 100,
      status: 'pass',
    });
    expect(
      byName.get('product-categories')?.violations.map(v => v.ruleId),
    ).toEqual(
      expect.arrayContaining([
        'SCHEMA-002',
        'PRIVACY-001',
        'SLO-002',
        'SEC-001',
        'SEC-002',
        'DOC-001',
      ]),
    );
  });

  it('applies the domain packs: customer PII needs masking, finance SLOs are errors', () => {
    const customerRules = policies
      .rulesFor('domain:default/customer')
      .map(r => r.id);
    expect(customerRules).toContain('CUS-001');
    const financeSlo = policies
      .rulesFor('domain:default/finance')
      .find(r => r.id === 'SLO-001');
    expect(financeSlo?.severity).toBe('error');
    const customer360 = entities.find(e => e.metadata.name === 'customer-360')!;
    const unmasked = structuredClone(customer360) as any;
    delete unmasked.spec.access.privacy.maskingPolicy;
    const card = evaluateProduct(unmasked, policies, { context });
    expect(
      card.violations.map(v => `${v.ruleId} ${v.severity} ${v.path}`),
    ).toEqual(['CUS-001 error spec.access.privacy.maskingPolicy']);
  });

  it('resolves every owner and upstream product of the examples', () => {
    const crossEntity = cards.flatMap(card =>
      card.violations
        .filter(v => ['OWN-001', 'LIN-001'].includes(v.ruleId))
        .map(v => `${card.entityRef} ${v.ruleId}`),
    );
    expect(crossEntity).toEqual([]);
    expect(cards.map(card => card.entityRef)).toEqual(
      entities.filter(isDataProductEntity).map(e => stringifyEntityRef(e)),
    );
  });
});
