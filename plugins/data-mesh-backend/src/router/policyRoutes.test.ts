import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { expectMatchesOpenApi } from '../__testUtils__/openApi';
import { exampleMesh, startDataMesh } from '../__testUtils__/startDataMesh';
import { sharedBackend } from '../__testUtils__/sharedBackend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

const asUser = { Authorization: mockCredentials.user.header() };

const tagPack = `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: tagging }
spec:
  rules:
    - id: TAG-001
      title: Products are tagged gold, silver or bronze
      severity: error
      condition:
        properties:
          metadata:
            required: [tags]
            properties:
              tags:
                contains: { enum: [gold, silver, bronze] }
`;

/** A pack of one rule: descriptions are words separated by single spaces. */
const wordsPack = (pattern = String.raw`^(\w+\s?)*$`) => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'words' },
  spec: {
    rules: [
      {
        id: 'DESC-WORDS',
        title: 'Descriptions are words',
        severity: 'error',
        condition: {
          properties: {
            metadata: { properties: { description: { pattern } } },
          },
        },
      },
    ],
  },
});

/**
 * A catalog over `entities` whose read of groups, the dry-run's last read
 * before it evaluates, waits once its pages are out until `release()`.
 */
function catalogHeldAfterReading(entities = exampleMesh()) {
  const inner = catalogServiceMock({ entities });
  let hold = false;
  let read!: () => void;
  const readDone = new Promise<void>(resolve => (read = resolve));
  let release!: () => void;
  const released = new Promise<void>(resolve => (release = resolve));
  const catalog = catalogServiceMock.mock({
    getEntities: (request: any) => inner.getEntities(request),
    streamEntities: (request: any) => inner.streamEntities(request),
    // The dry-run looks up owners and upstream products before evaluating
    // a page: the test holds it there.
    async getEntitiesByRefs(request: any) {
      const found = await inner.getEntitiesByRefs(request);
      if (hold) {
        read();
        await released;
      }
      return found;
    },
  });
  return {
    factory: catalog.factory,
    hold: () => (hold = true),
    readDone,
    release,
  };
}

/**
 * Makes `performance.now()` advance `step` ms at each read, and counts
 * reads; `onFirstRead` runs at the first one.
 */
function steppingPerformanceClock(step: number, onFirstRead?: () => void) {
  let now = performance.now();
  const spy = jest.spyOn(performance, 'now').mockImplementation(() => {
    if (spy.mock.calls.length === 1) onFirstRead?.();
    return (now += step);
  });
  return {
    reads: () => spy.mock.calls.length,
    restore: () => spy.mockRestore(),
  };
}

describe('policy routes', () => {
  const shared = sharedBackend(() => startDataMesh());

  it('lists the effective rules of the default pack and configured packs', async () => {
    const { api } = await startDataMesh({
      config: {
        dataMesh: {
          governance: {
            weights: { error: 20 },
            packs: [
              {
                apiVersion: 'datamesh.io/v1alpha1',
                kind: 'PolicyPack',
                metadata: { name: 'order' },
                spec: {
                  domain: 'order',
                  rules: [{ id: 'SLO-001', severity: 'error' }],
                },
              },
            ],
          },
        },
      },
    });
    const response = await api.get('/api/data-mesh/policies').set(asUser);
    expect(response.status).toBe(200);
    expectMatchesOpenApi('get', '/policies', response);
    expect(response.body).toMatchObject({
      policyVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
      weights: { error: 20, warning: 2, info: 0 },
      packs: [
        { name: 'default', scope: 'global', ruleCount: 23 },
        { name: 'order', scope: 'domain:default/order', ruleCount: 1 },
      ],
    });
    expect(response.body.rules).toHaveLength(24);
    expect(response.body.rules[23]).toMatchObject({
      id: 'SLO-001',
      severity: 'error',
      scope: 'domain:default/order',
    });
  });

  it('dry-runs a proposed pack, reporting who would newly fail and storing nothing', async () => {
    const { api } = shared();
    const before = await api.get('/api/data-mesh/domains').set(asUser);
    const response = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack });
    expect(response.status).toBe(200);
    expectMatchesOpenApi('post', '/policies/dry-run', response);
    expect(response.body).toMatchObject({
      evaluatedCount: 12,
      changed: 12,
      mesh: {
        current: { productCount: 12, failCount: 1 },
        proposed: { productCount: 12, failCount: 12 },
      },
    });
    expect(response.body.newlyFailing).toHaveLength(11);
    expect(response.body.newlyFailingCount).toBe(11);
    expect(response.body.newlyFailing[0]).toEqual({
      entityRef: 'dataproduct:default/product-0',
      currentStatus: 'pass',
      proposedStatus: 'fail',
      currentScore: 100,
      proposedScore: 90,
      newViolations: ['TAG-001'],
    });
    const after = await api.get('/api/data-mesh/domains').set(asUser);
    expect(after.body.mesh).toEqual(before.body.mesh);
  });

  it('lists the first 1000 newly failing products and counts them all', async () => {
    const { api } = await startDataMesh({ entities: exampleMesh(1200) });
    const response = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack });
    expect(response.status).toBe(200);
    expectMatchesOpenApi('post', '/policies/dry-run', response);
    const { current } = response.body.mesh;
    expect(response.body.newlyFailingCount).toBe(
      current.passCount + current.warnCount,
    );
    expect(response.body.newlyFailingCount).toBeGreaterThan(1000);
    expect(response.body.newlyFailing).toHaveLength(1000);
    expect(response.body.newlyFailing[0].entityRef).toBe(
      'dataproduct:default/product-0',
    );
  });

  it('answers 400 naming the rule of a broken pack', async () => {
    const { api } = shared();
    const broken = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack.replace('severity: error', 'severity: fatal') });
    expect(broken.status).toBe(400);
    expectMatchesOpenApi('post', '/policies/dry-run', broken);
    expect(broken.body.error.message).toBe(
      'Policy pack proposed pack is invalid: rule TAG-001: spec.rules.0.severity: Invalid option: expected one of "error"|"warning"|"info"',
    );
    const loosening = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({
        pack: {
          apiVersion: 'datamesh.io/v1alpha1',
          kind: 'PolicyPack',
          metadata: { name: 'lax' },
          spec: {
            domain: 'order',
            rules: [{ id: 'SEC-001', severity: 'info' }],
          },
        },
      });
    expect(loosening.status).toBe(400);
    expect(loosening.body.error.message).toContain(
      'may not loosen global error rule SEC-001',
    );
    const empty = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe(
      "request/body must have required property 'pack'",
    );
  });

  it('runs one dry-run at a time, and bounds a proposed pack', async () => {
    // A catalog that holds the first dry-run's read until released.
    const entities = exampleMesh();
    const inner = catalogServiceMock({ entities });
    let hold = false;
    let entered!: () => void;
    const reading = new Promise<void>(resolve => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    const catalog = catalogServiceMock.mock({
      getEntities: (request: any) => inner.getEntities(request),
      getEntitiesByRefs: (request: any) => inner.getEntitiesByRefs(request),
      async *streamEntities(request: any) {
        if (hold) {
          entered();
          await released;
        }
        yield* inner.streamEntities(request);
      },
    });
    const { api } = await startDataMesh({ catalog: catalog.factory });
    hold = true;
    const first = api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack });
    const firstDone = first.then(response => response);
    await reading;
    const busy = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack });
    expect(busy.status).toBe(409);
    expectMatchesOpenApi('post', '/policies/dry-run', busy);
    expect(busy.body.error.message).toBe(
      'A policy dry-run is already running; try again shortly',
    );
    hold = false;
    release();
    expect((await firstDone).status).toBe(200);

    const huge = {
      apiVersion: 'datamesh.io/v1alpha1',
      kind: 'PolicyPack',
      metadata: { name: 'huge' },
      spec: {
        rules: Array.from({ length: 201 }, (_, i) => ({
          id: `R-${i}`,
          severity: 'info',
          condition: {},
        })),
      },
    };
    const tooBig = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: huge });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toBe(
      'body.pack: a proposed pack has at most 200 rules, this one 201',
    );
  });

  it('runs a catastrophic pattern over long descriptions on a linear-time engine', async () => {
    const entities = exampleMesh();
    const longDescriptions = new Map([
      ['product-0', `${'a'.repeat(50_000)}!`],
      ['product-1', `${'ab '.repeat(15_000)}?`],
      ['product-2', 'word '.repeat(15_000)],
      ['product-4', 'a'.repeat(50_000)],
    ]);
    for (const entity of entities) {
      const description = longDescriptions.get(entity.metadata.name);
      if (entity.kind === 'DataProduct' && description) {
        entity.metadata.description = description;
      }
    }
    const { api } = await startDataMesh({ entities });
    // A backtracking engine would not answer this request for ages.
    const response = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: wordsPack() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      evaluatedCount: 12,
      mesh: {
        current: { productCount: 12, failCount: 1 },
        proposed: { productCount: 12, failCount: 3 },
      },
    });
    expect(response.body.newlyFailing).toEqual([
      expect.objectContaining({
        entityRef: 'dataproduct:default/product-0',
        newViolations: ['DESC-WORDS'],
      }),
      expect.objectContaining({
        entityRef: 'dataproduct:default/product-1',
        newViolations: ['DESC-WORDS'],
      }),
    ]);
  });

  it('answers 400 naming the rule of a pattern that needs backtracking', async () => {
    const { api } = shared();
    const response = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: wordsPack(String.raw`^(\w+)\s\1$`) });
    expect(response.status).toBe(400);
    expectMatchesOpenApi('post', '/policies/dry-run', response);
    expect(response.body.error).toMatchObject({
      name: 'InputError',
      message:
        'Policy pack proposed pack, rule DESC-WORDS: pattern `^(\\w+)\\s\\1$` uses a feature a linear-time regex engine cannot run (backreference)',
    });
  });

  it('answers 400 when a dry-run spends its time budget, naming the slowest rule', async () => {
    const { api } = await startDataMesh({
      config: {
        dataMesh: {
          governance: { defaultPack: false, dryRun: { timeBudget: 'PT1S' } },
        },
      },
    });
    // Every read of the clock takes 100 ms: the budget runs out early.
    const clock = steppingPerformanceClock(100);
    try {
      const response = await api
        .post('/api/data-mesh/policies/dry-run')
        .set(asUser)
        .send({ pack: wordsPack() });
      expect(response.status).toBe(400);
      expectMatchesOpenApi('post', '/policies/dry-run', response);
      expect(response.body.error.message).toMatch(
        /^The policy dry-run stopped when its time budget of 1 s \(dataMesh\.governance\.dryRun\.timeBudget\) was spent, after evaluating ([1-9]|1[01]) products; rule DESC-WORDS of pack words took the most time \([0-9.]+ m?s\): simplify its condition$/,
      );
    } finally {
      clock.restore();
    }
  });

  it('lets the event loop run other work while a dry-run evaluates', async () => {
    const catalog = catalogHeldAfterReading();
    const { api } = await startDataMesh({
      catalog: catalog.factory,
      config: { dataMesh: { governance: { dryRun: { timeBudget: 'PT1H' } } } },
    });
    catalog.hold();
    const dryRun = api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack })
      .then(response => response);
    await catalog.readDone;
    // From here on the dry-run only evaluates. Every read of the clock
    // takes 10 ms: each product fills a time slice. When evaluating begins,
    // a timer is set: it must run long before evaluating ends.
    let readsWhenTimerRan = -1;
    const clock = steppingPerformanceClock(10, () =>
      setImmediate(() => (readsWhenTimerRan = clock.reads())),
    );
    try {
      catalog.release();
      const response = await dryRun;
      expect(response.status).toBe(200);
      expect(response.body.evaluatedCount).toBe(12);
      // The timer ran once evaluating had begun, long before it ended.
      expect(readsWhenTimerRan).toBeGreaterThan(0);
      expect(readsWhenTimerRan * 2).toBeLessThan(clock.reads());
    } finally {
      clock.restore();
    }
  });

  it('answers 403 without the dry-run permission', async () => {
    const { api } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const response = await api
      .post('/api/data-mesh/policies/dry-run')
      .set(asUser)
      .send({ pack: tagPack });
    expect(response.status).toBe(403);
    expectMatchesOpenApi('post', '/policies/dry-run', response);
    expect(response.body.error.name).toBe('NotAllowedError');
  });
});
