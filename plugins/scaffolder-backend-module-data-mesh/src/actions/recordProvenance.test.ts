import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createRecordProvenanceAction } from './recordProvenance';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('datamesh:provenance:record', () => {
  const input = {
    entityRef: 'dataproduct:default/order-returns',
    requestedAt: '2026-11-30T09:00:00.000Z',
  };
  let fetchMock: jest.Mock;

  async function run(
    overrides: { input?: unknown; isDryRun?: boolean; template?: boolean } = {},
  ) {
    const action = createRecordProvenanceAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
      fetch: fetchMock,
    });
    const ctx = {
      ...createMockActionContext({
        input: (overrides.input ?? input) as any,
        templateInfo:
          overrides.template === false
            ? undefined
            : {
                entityRef: 'template:default/source-aligned-data-product',
                baseUrl: 'file:///templates/',
              },
      }),
      isDryRun: overrides.isDryRun ?? false,
    };
    await action.handler(ctx);
    return ctx;
  }

  beforeEach(() => {
    fetchMock = jest.fn(async () => json(201, {}));
  });

  it("records the run with the scaffolder's own service token", async () => {
    const ctx = await run();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(
      'http://localhost:0/api/data-mesh/products/default/order-returns/provenance',
    );
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:scaffolder'),
        targetPluginId: 'data-mesh',
      })}`,
    );
    expect(JSON.parse(init.body)).toEqual({
      templateRef: 'template:default/source-aligned-data-product',
      requestedAt: input.requestedAt,
      taskId: expect.any(String),
    });
    expect(ctx.output).toHaveBeenCalledWith('recorded', true);
  });

  it('records nothing in a dry-run or without a template entity', async () => {
    const dry = await run({ isDryRun: true });
    const untemplated = await run({ template: false });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(dry.output).toHaveBeenCalledWith('recorded', false);
    expect(untemplated.output).toHaveBeenCalledWith('recorded', false);
  });

  it('fails the step when the backend refuses, and names bad input', async () => {
    fetchMock.mockImplementation(async () =>
      json(409, {
        error: { name: 'ConflictError', message: 'existed before the run' },
        request: { method: 'POST', url: '/' },
        response: { statusCode: 409 },
      }),
    );
    await expect(run()).rejects.toThrow('existed before the run');
    await expect(
      run({ input: { ...input, requestedAt: 'yesterday' } }),
    ).rejects.toThrow(
      'Invalid input to datamesh:provenance:record: requestedAt',
    );
  });
});
