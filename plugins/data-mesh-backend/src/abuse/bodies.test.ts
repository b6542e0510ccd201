import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { openApiOperations } from '../__testUtils__/openApi';
import { startDataMesh } from '../__testUtils__/startDataMesh';

/**
 * Announces a body of `announced` bytes, sends only the first 64 kB, and
 * resolves with the status as soon as the server answers. A server that
 * read the body first would wait for the rest, and the request would time
 * out instead.
 */
function answerToHugeBody(
  server: { address(): AddressInfo | string | null },
  path: string,
  headers: Record<string, string>,
  announced = 500 * 1024 * 1024,
): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': String(announced),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('The server did not answer before reading the body'));
    }, 10_000);
    req.on('response', response => {
      clearTimeout(timer);
      response.resume();
      req.destroy();
      resolve(response.statusCode!);
    });
    req.on('error', error => {
      if (!(error as any).code?.startsWith('ECONNRESET')) reject(error);
    });
    req.write(`{"measurements":[${' '.repeat(64 * 1024)}`);
  });
}

const post = openApiOperations().filter(([method]) => method === 'post');
const pathOf = (path: string) =>
  `/api/data-mesh${path
    .replace('{namespace}', 'default')
    .replace('{name}', 'product-0')
    .replace('{ruleId}', 'SEC-001')}`;

describe('abuse: request bodies', () => {
  // Refused requests store nothing, so the per-route cases share one backend.
  let shared: Awaited<ReturnType<typeof startDataMesh>>;
  beforeAll(async () => {
    shared = await startDataMesh();
  });

  it.each(post)(
    'POST %s %s: an unauthenticated caller gets 401 before the body is read',
    async (_method, path) => {
      expect(await answerToHugeBody(shared.server, pathOf(path), {})).toBe(401);
    },
  );

  it('a caller without the permission gets 403 before the body is read', async () => {
    const { server } = await startDataMesh({
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const asService = { Authorization: mockCredentials.service.header() };
    for (const path of [
      '/products/default/product-0/measurements',
      '/measurements/dbt',
      '/measurements/great-expectations',
      '/policies/dry-run',
      '/import',
    ]) {
      expect(
        await answerToHugeBody(server, `/api/data-mesh${path}`, asService),
      ).toBe(403);
    }
  });

  it('answers 413 for a body over the route limit, and stores nothing', async () => {
    const { api } = await startDataMesh();
    const response = await api
      .post('/api/data-mesh/products/default/product-0/measurements')
      .set({ Authorization: mockCredentials.service.header() })
      .send({
        measurements: [{ kind: 'availability', up: true }],
        padding: 'x'.repeat(2 * 1024 * 1024),
      });
    expect(response.status).toBe(413);
    const slo = await api
      .get('/api/data-mesh/products/default/product-0/slo')
      .set({ Authorization: mockCredentials.user.header() });
    expect(slo.body.objectives.map((o: any) => o.measurements)).toEqual([0, 0]);
  });

  it.each(post)(
    'POST %s %s: refuses __proto__ and constructor keys anywhere in the body',
    async (_method, path) => {
      const { api } = shared;
      // Provenance takes services only, waivers users only.
      const caller = {
        Authorization: path.includes('provenance')
          ? mockCredentials.service.header({
              onBehalfOf: mockCredentials.service('plugin:scaffolder'),
              targetPluginId: 'data-mesh',
            })
          : mockCredentials.user.header(),
      };
      for (const body of [
        '{"__proto__":{"polluted":true}}',
        '{"entity":{"metadata":{"constructor":{"prototype":{"polluted":true}}}}}',
        '{"measurements":[{"kind":"availability","up":true,"__proto__":{"x":1}}]}',
      ]) {
        const response = await api
          .post(pathOf(path))
          .set(caller)
          .set('Content-Type', 'application/json')
          .send(body);
        expect(response.status).toBe(400);
        expect(({} as any).polluted).toBeUndefined();
      }
    },
  );
});
