import { DataMeshClient } from '../api/DataMeshClient';

/**
 * A client whose fetch answers with `responses`, in order, recording each
 * call's URL and init.
 */
export function clientWithResponses(
  responses: Array<{ status: number; body?: unknown }>,
) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchApi = {
    fetch: jest.fn(async (url: any, init: any) => {
      calls.push({ url: String(url), init });
      const next = responses.shift()!;
      return new Response(
        next.body === undefined ? null : JSON.stringify(next.body),
        {
          status: next.status,
          headers: { 'Content-Type': 'application/json' },
        },
      );
    }) as unknown as typeof fetch,
  };
  const client = new DataMeshClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/data-mesh' },
    fetchApi,
  });
  return { client, calls };
}
