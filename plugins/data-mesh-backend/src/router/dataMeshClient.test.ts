import { mockCredentials } from '@backstage/backend-test-utils';
import {
  DataMeshApi,
  DataMeshClient,
  KPI_IDS,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { createSyntheticProducts } from '@datamesh-backstage/plugin-data-mesh-node/testUtils';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';

jest.setTimeout(120_000);

const OWNER = mockCredentials.user.token('user:default/owner');
const ANA = mockCredentials.user.token('user:default/ana');
const SCAFFOLDER = mockCredentials.service.token({
  onBehalfOf: mockCredentials.service('plugin:scaffolder'),
  targetPluginId: 'data-mesh',
});

/** The example mesh, with product-1 tested by dbt and product-2 by Great Expectations. */
function annotatedMesh() {
  return exampleMesh().map(entity => {
    if (entity.metadata.name === 'product-1') {
      entity.metadata.annotations = { 'datamesh.io/dbt-models': 'product_1' };
    }
    if (entity.metadata.name === 'product-2') {
      entity.metadata.annotations = {
        'datamesh.io/great-expectations-suites': 'product_2_suite',
      };
    }
    return entity;
  });
}

/**
 * The client of `-common`, typed from openapi.yaml, over HTTP against the
 * plugin's router in a running backend: every method once, with the values
 * the example mesh gives.
 */
describe('DataMeshClient against the running router', () => {
  let client: DataMeshApi;
  /** The client's methods the tests called. */
  const called = new Set<string>();

  beforeAll(async () => {
    const { server } = await startDataMesh({ entities: annotatedMesh() });
    const { port } = server.address() as AddressInfo;
    const real = new DataMeshClient({
      discoveryApi: {
        getBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
      },
      // As Backstage's fetch API does: the signed-in user's token, unless a
      // call brings its own.
      fetchApi: {
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          if (!headers.has('Authorization')) {
            headers.set('Authorization', mockCredentials.user.header());
          }
          return fetch(input, { ...init, headers });
        },
      },
    });
    client = new Proxy(real, {
      get(target, name) {
        const value = Reflect.get(target, name, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          called.add(String(name));
          return value.apply(target, args);
        };
      },
    });
  });

  it('reads scorecards, history, domains and policies', async () => {
    const page = await client.listScorecards({
      orderBy: 'score',
      order: 'asc',
      limit: 5,
    });
    expect(page.totalItems).toBe(12);
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toEqual(expect.any(String));
    const scores = page.items.map(item => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const next = await client.listScorecards({
      orderBy: 'score',
      order: 'asc',
      limit: 5,
      cursor: page.nextCursor,
    });
    expect(next.items[0].score).toBeGreaterThanOrEqual(scores[4]);

    const card = await client.getScorecard('product-3');
    expect(card).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      score: 90,
      status: 'fail',
    });
    expect(card!.violations.map(v => v.ruleId)).toEqual(['DOC-001']);
    expect(await client.getScorecard('product-404')).toBeUndefined();

    const history = await client.getScorecardHistory('product-3');
    expect(history.items).toEqual([
      expect.objectContaining({ score: 90, ruleIds: ['DOC-001'] }),
    ]);

    const domains = await client.listDomains();
    expect(domains.domains).toHaveLength(6);
    expect(domains.mesh.productCount).toBe(12);
    const customer = await client.getDomain('customer', { limit: 1 });
    expect(customer?.domain).toMatchObject({
      domain: 'domain:default/customer',
      title: 'Customer',
      productCount: 2,
    });
    expect(customer?.products.items).toHaveLength(1);
    expect(customer?.products.totalItems).toBe(2);
    expect(await client.getDomain('domain:default/atlantis')).toBeUndefined();

    const policies = await client.getPolicies();
    expect(policies.policyVersion).toBe(card!.policyVersion);
    expect(policies.rules.map(r => r.id)).toContain('DOC-001');
  });

  it('evaluates a product and dry-runs a pack without storing anything', async () => {
    const [draft] = createSyntheticProducts(1);
    draft.metadata.name = 'draft';
    delete draft.metadata.description;
    const card = await client.evaluate(draft);
    expect(card).toMatchObject({
      entityRef: 'dataproduct:default/draft',
      score: 90,
      status: 'fail',
    });
    expect(await client.getScorecard('draft')).toBeUndefined();

    const dryRun = await client.dryRunPolicies({
      apiVersion: 'datamesh.io/v1alpha1',
      kind: 'PolicyPack',
      metadata: { name: 'tagging' },
      spec: {
        rules: [
          {
            id: 'TAG-001',
            severity: 'error',
            condition: { properties: { metadata: { required: ['tags'] } } },
          },
        ],
      },
    });
    expect(dryRun.evaluatedCount).toBe(12);
    expect(dryRun.mesh.current.productCount).toBe(12);
    expect(dryRun.newlyFailingCount).toBe(dryRun.newlyFailing.length);
  });

  it('asks for, approves, rejects, lists and revokes waivers', async () => {
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const asked = await client.requestWaiver(
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'Being written',
        expiresAt,
      },
      { token: OWNER },
    );
    expect(asked).toMatchObject({
      entityRef: 'dataproduct:default/product-3',
      status: 'pending',
      requestedBy: 'user:default/owner',
    });
    const approved = await client.approveWaiver(
      'product-3',
      'DOC-001',
      { comment: 'Fine for a week' },
      { token: ANA },
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/ana',
    });
    expect((await client.getScorecard('product-3'))?.score).toBe(100);
    await client.revokeWaiver('product-3', 'DOC-001', {}, { token: ANA });
    const listed = await client.listWaivers({
      entityRef: 'dataproduct:default/product-3',
    });
    expect(listed.items.map(w => [w.ruleId, w.status])).toEqual([
      ['DOC-001', 'revoked'],
    ]);
    expect((await client.getScorecard('product-3'))?.score).toBe(90);

    // Asked again, and refused this time.
    await client.requestWaiver(
      {
        entityRef: 'product-3',
        ruleId: 'DOC-001',
        reason: 'Still being written',
        expiresAt,
      },
      { token: OWNER },
    );
    const rejected = await client.rejectWaiver(
      'product-3',
      'DOC-001',
      { comment: 'Document it now' },
      { token: ANA },
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      comment: 'Document it now',
    });
    const rejectedList = await client.listWaivers({ status: 'rejected' });
    expect(rejectedList.items.map(w => [w.entityRef, w.reason])).toEqual([
      ['dataproduct:default/product-3', 'Still being written'],
    ]);
  });

  it('reads the KPIs now and over time', async () => {
    const kpis = await client.getKpis();
    expect(kpis.kpis.map(k => k.id)).toEqual([...KPI_IDS]);
    expect(kpis.kpis.find(k => k.id === 'domains_onboarded')?.value).toBe(100);
    const today = new Date().toISOString().slice(0, 10);
    const history = await client.getKpiHistory({ from: '2026-01-01' });
    expect(history).toMatchObject({ from: '2026-01-01', interval: 'day' });
    expect(history.points.map(p => p.date)).toEqual([today]);
    // The day's snapshot holds a value (or null) for every KPI.
    expect(Object.keys(history.points[0].values).sort()).toEqual(
      [...KPI_IDS].sort(),
    );
  });

  it('posts and imports measurements, and reads SLO status', async () => {
    const posted = await client.postMeasurements('product-0', [
      { kind: 'availability', up: true },
      { kind: 'availability', up: false },
    ]);
    expect(posted).toEqual({
      accepted: 2,
      products: ['dataproduct:default/product-0'],
    });
    const slo = await client.getSloStatus('product-0');
    expect(
      slo?.objectives.find(o => o.objective === 'availability'),
    ).toMatchObject({ measurements: 2, compliance: 50, met: false });
    expect(await client.getSloStatus('product-404')).toBeUndefined();

    const dbt = await client.importDbtRunResults({
      metadata: { generated_at: new Date().toISOString() },
      results: [
        { unique_id: 'test.shop.not_null_product_1_id.a1', status: 'pass' },
        { unique_id: 'test.shop.unique_orders_id.d4', status: 'fail' },
      ],
    });
    expect(dbt).toEqual({
      accepted: 1,
      products: ['dataproduct:default/product-1'],
      unmatched: ['test.shop.unique_orders_id.d4'],
    });
    const gx = await client.importGreatExpectationsResults({
      success: true,
      meta: { expectation_suite_name: 'product_2_suite' },
      results: [
        {
          success: true,
          expectation_config: {
            expectation_type: 'expect_column_values_to_not_be_null',
            kwargs: { column: 'id' },
          },
        },
      ],
    });
    expect(gx).toMatchObject({
      products: ['dataproduct:default/product-2'],
      unmatched: [],
    });
    expect(
      (await client.getSloStatus('product-2'))?.qualityTests,
    ).toMatchObject({ total: 1, passed: 1, failed: 0 });
  });

  it('records provenance as the scaffolder and reads it back', async () => {
    const requestedAt = new Date().toISOString();
    const recorded = await client.recordProvenance(
      'product-12',
      { templateRef: 'source-aligned-data-product', requestedAt },
      { token: SCAFFOLDER },
    );
    expect(recorded).toMatchObject({
      entityRef: 'dataproduct:default/product-12',
      templateRef: 'template:default/source-aligned-data-product',
      recordedBy: 'plugin:scaffolder',
    });
    expect(await client.getProvenance('product-12')).toEqual(recorded);
    expect(await client.getProvenance('product-0')).toBeUndefined();
  });

  it('converts open-standard files and exports a product, storing nothing', async () => {
    const dir = resolve(__dirname, '../../../../examples/standards/odps');
    const files = [
      'loyalty-points.yaml',
      'contracts/loyalty-points-balances.odcs.yaml',
    ].map(path => ({
      path,
      content: readFileSync(resolve(dir, path), 'utf8'),
    }));
    const imported = await client.importProduct(files);
    expect(imported).toMatchObject({
      format: 'odps',
      entity: { kind: 'DataProduct', metadata: { name: 'loyalty-points' } },
    });
    expect(imported.contracts.length).toBeGreaterThan(0);

    const exported = await client.exportProduct('product-0', 'dpds');
    expect(exported?.files.length).toBeGreaterThan(0);
    expect(exported?.files.every(file => file.content.length > 0)).toBe(true);
    expect(await client.exportProduct('product-404', 'odps')).toBeUndefined();
  });

  it('requests access, decides it, and keeps the agreement and its audit trail', async () => {
    const inDays = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString();
    const asked = {
      product: 'product-0',
      port: 'table',
      consumer: 'group:default/customer-domain-team',
      purpose: 'customer analytics',
      fields: ['id'],
      until: inDays(30),
    };
    const request = await client.requestAccess(asked);
    expect(request).toMatchObject({
      product: 'dataproduct:default/product-0',
      status: 'pending',
      mode: 'manual',
      requestedBy: 'user:default/mock',
    });
    const other = await client.requestAccess({ ...asked, port: 'api' });
    const rejected = await client.rejectAccessRequest(
      other.id,
      { comment: 'use the table' },
      { token: OWNER },
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      comment: 'use the table',
    });
    const mine = await client.listAccessRequests({
      mine: 'true',
      status: 'pending',
    });
    expect(mine.items.map(r => r.id)).toEqual([request.id]);

    const approved = await client.approveAccessRequest(
      request.id,
      {},
      { token: OWNER },
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/owner',
    });
    const { items } = await client.listAgreements({ product: 'product-0' });
    expect(items).toEqual([
      expect.objectContaining({ id: approved.agreementId, status: 'active' }),
    ]);
    const renewal = await client.renewAgreement(approved.agreementId!, {
      until: inDays(60),
    });
    expect(renewal).toMatchObject({
      status: 'pending',
      renews: approved.agreementId,
    });
    const revoked = await client.revokeAgreement(
      approved.agreementId!,
      { reason: 'project ended' },
      { token: OWNER },
    );
    expect(revoked).toMatchObject({
      status: 'revoked',
      statusReason: 'project ended',
    });
    await expect(
      client.retryAgreement(approved.agreementId!, { token: OWNER }),
    ).rejects.toMatchObject({ response: { status: 409 } });
    // The revocation closed the pending renewal: approving it is refused.
    await expect(
      client.approveAccessRequest(renewal.id, {}, { token: OWNER }),
    ).rejects.toMatchObject({ response: { status: 409 } });
    const audit = await client.getAccessAudit({ product: 'product-0' });
    expect(audit.items.map(e => e.action)).toEqual([
      'requested',
      'requested',
      'rejected',
      'approved',
      'agreed',
      'granted',
      'renewal-requested',
      'revoked',
      'renewal-closed',
      'access-removed',
    ]);
  });

  it('reads versions and deprecated products', async () => {
    const versions = await client.getVersionHistory('product-3', { limit: 5 });
    expect(versions.entityRef).toBe('dataproduct:default/product-3');
    expect(versions.items.length).toBeGreaterThanOrEqual(1);
    const deprecated = await client.listDeprecatedProducts();
    expect(deprecated.items).toEqual([]);
  });

  it('starts a campaign, follows it and closes it', async () => {
    const deadline = new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const started = await client.createCampaign({
      name: 'Describe every product',
      ruleIds: ['DOC-001'],
      targetShare: 1,
      deadline,
    });
    expect(started).toMatchObject({ status: 'open', ruleIds: ['DOC-001'] });
    const list = await client.listCampaigns();
    expect(list.items.map(c => c.id)).toContain(started.id);
    const details = await client.getCampaign(started.id);
    expect(details.campaign.id).toBe(started.id);
    const failing = await client.listCampaignFailing(started.id, { limit: 50 });
    expect(failing.items.map(item => item.entityRef)).toContain(
      'dataproduct:default/product-3',
    );
    const concerning = await client.getProductCampaigns('product-3');
    expect(concerning.items).toEqual([
      expect.objectContaining({
        id: started.id,
        done: false,
        failingRules: ['DOC-001'],
      }),
    ]);
    const closed = await client.closeCampaign(started.id);
    expect(closed.id).toBe(started.id);
    expect(closed.status).toBe('missed');
  });

  it('called every method of the client', () => {
    const methods = Object.getOwnPropertyNames(DataMeshClient.prototype).filter(
      name => name !== 'constructor',
    );
    expect(methods.length).toBeGreaterThanOrEqual(21);
    expect(methods.filter(name => !called.has(name))).toEqual([]);
  });
});
