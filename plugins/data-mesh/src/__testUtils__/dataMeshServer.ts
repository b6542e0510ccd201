import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { DataMeshClient } from '@datamesh-backstage/plugin-data-mesh-common';
import { dataMeshApiRef } from '@datamesh-backstage/plugin-data-mesh-react';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';

/** Where the test client finds the data-mesh backend. */
export const BASE = 'http://backend.test/api/data-mesh';

/**
 * An msw server for one test file, and the real `DataMeshClient` against it
 * as the `dataMeshApiRef` pair for `renderInTestApp({ apis })`.
 */
export function setupDataMeshServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new DataMeshClient({
    discoveryApi: { getBaseUrl: async () => BASE },
  });
  return {
    server,
    api: [dataMeshApiRef, client] as const,
    /** Answers GET `path` with `body`, recording each request's query. */
    get(path: string, body: JsonBodyType, status = 200) {
      const queries: URLSearchParams[] = [];
      server.use(
        http.get(`${BASE}${path}`, ({ request }) => {
          queries.push(new URL(request.url).searchParams);
          return HttpResponse.json(body, { status });
        }),
      );
      return queries;
    },
    /** Answers POST `path` with `body`, recording each request's JSON body. */
    post(path: string, body: JsonBodyType, status = 200) {
      const bodies: unknown[] = [];
      server.use(
        http.post(`${BASE}${path}`, async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(body, { status });
        }),
      );
      return bodies;
    },
  };
}

/** The body Backstage backends send with an error status. */
export const errorBody = (
  message: string,
  name = 'Error',
  statusCode = 500,
) => ({
  error: { name, message },
  response: { statusCode },
});
