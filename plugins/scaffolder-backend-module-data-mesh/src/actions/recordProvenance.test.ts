import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';
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
  let recordProvenance: jest.Mock;

  async function run(
    overrides: { input?: unknown; isDryRun?: boolean; template?: boolean } = {},
  ) {
    const action = createRecordProvenanceAction({
      dataMesh: {
        recordProvenance,
      } as Partial<DataMeshService> as DataMeshService,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
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
    recordProvenance = jest.fn(async () => ({}));
  });

  it("records the run with the scaffolder's own service credentials", async () => {
    const ctx = await run();
    expect(recordProvenance).toHaveBeenCalledTimes(1);
    expect(recordProvenance).toHaveBeenCalledWith(
      'dataproduct:default/order-returns',
      {
        templateRef: 'template:default/source-aligned-data-product',
        requestedAt: input.requestedAt,
        taskId: expect.any(String),
      },
      { credentials: mockCredentials.service('plugin:scaffolder') },
    );
    expect(ctx.output).toHaveBeenCalledWith('recorded', true);
  });

  it('records nothing in a dry-run or without a template entity', async () => {
    const dry = await run({ isDryRun: true });
    const untemplated = await run({ template: false });
    expect(recordProvenance).not.toHaveBeenCalled();
    expect(dry.output).toHaveBeenCalledWith('recorded', false);
    expect(untemplated.output).toHaveBeenCalledWith('recorded', false);
  });

  it('fails the step when the backend refuses, and names bad input', async () => {
    recordProvenance.mockRejectedValue(
      await ResponseError.fromResponse(
        json(409, {
          error: { name: 'ConflictError', message: 'existed before the run' },
          request: { method: 'POST', url: '/' },
          response: { statusCode: 409 },
        }),
      ),
    );
    await expect(run()).rejects.toThrow('existed before the run');
    await expect(
      run({ input: { ...input, requestedAt: 'yesterday' } }),
    ).rejects.toThrow(
      'Invalid input to datamesh:provenance:record: requestedAt',
    );
  });
});
