import {
  TestApiProvider,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import { DataMeshClient } from '@datamesh-backstage/plugin-data-mesh-common';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { dataMeshApiRef } from '../api/dataMeshApiRef';
import { useDomainDetails, useScorecard } from './useDataMeshQueries';

const BASE = 'http://backend.test/api/data-mesh';
const server = setupServer();
registerMswTestHooks(server);

const client = new DataMeshClient({
  discoveryApi: { getBaseUrl: async () => BASE },
});
const wrapper = ({ children }: { children: ReactNode }) => (
  <TestApiProvider apis={[[dataMeshApiRef, client]]}>
    {children}
  </TestApiProvider>
);

describe('data-mesh query hooks', () => {
  it('reads a scorecard, and nothing for a product not scored yet', async () => {
    server.use(
      http.get(`${BASE}/scorecards/default/a`, () =>
        HttpResponse.json({ entityRef: 'dataproduct:default/a', score: 90 }),
      ),
      http.get(`${BASE}/scorecards/default/b`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError' } },
          { status: 404 },
        ),
      ),
    );
    const a = renderHook(() => useScorecard('dataproduct:default/a'), {
      wrapper,
    });
    await waitFor(() => expect(a.result.current.value?.score).toBe(90));

    const b = renderHook(() => useScorecard('dataproduct:default/b'), {
      wrapper,
    });
    await waitFor(() => expect(b.result.current.loading).toBe(false));
    expect(b.result.current.value).toBeUndefined();
    expect(b.result.current.error).toBeUndefined();
  });

  it('sends the page query of a domain and refetches when it changes', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/domains/customer`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({
          domain: { domain: 'domain:default/customer' },
          products: { items: [], totalItems: 0 },
        });
      }),
    );
    const { result, rerender } = renderHook(
      ({ cursor }: { cursor?: string }) =>
        useDomainDetails('domain:default/customer', {
          orderBy: 'score',
          order: 'asc',
          limit: 25,
          cursor,
        }),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(result.current.value).toBeDefined());
    rerender({ cursor: 'abc' });
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([
      '?orderBy=score&order=asc&limit=25',
      '?orderBy=score&order=asc&limit=25&cursor=abc',
    ]);
  });

  it('reports server errors', async () => {
    server.use(
      http.get(`${BASE}/scorecards/default/c`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    const { result } = renderHook(() => useScorecard('dataproduct:default/c'), {
      wrapper,
    });
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current.error).toMatchObject({
      name: 'ResponseError',
      body: { error: { message: 'database is down' } },
    });
  });
});
