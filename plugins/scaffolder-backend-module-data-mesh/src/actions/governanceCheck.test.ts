import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { InputError, ResponseError } from '@backstage/errors';
import { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import { DataMeshService } from '@datamesh-backstage/plugin-data-mesh-node';
import { scorecard, violation } from '../__testUtils__/inputs';
import { writeOrderProduct } from '../__testUtils__/workspace';
import { createGovernanceCheckAction } from './governanceCheck';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** The error the data-mesh service throws for an error response. */
const failure = (status: number, name: string, message: string) =>
  ResponseError.fromResponse(
    json(status, {
      error: { name, message },
      request: { method: 'POST', url: '/evaluate' },
      response: { statusCode: status },
    }),
  );

describe('datamesh:governance:check', () => {
  const workspace = createMockDirectory();
  let evaluate: jest.Mock;

  function answer(card: Scorecard) {
    evaluate.mockResolvedValue(card);
  }

  async function run(input: Record<string, unknown> = {}, isDryRun = false) {
    const action = createGovernanceCheckAction({
      dataMesh: { evaluate } as Partial<DataMeshService> as DataMeshService,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
    // createMockActionContext does not take isDryRun: set it on the result.
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace.path,
      }),
      isDryRun,
    };
    try {
      await action.handler(ctx);
      return { ctx, error: undefined };
    } catch (error) {
      return { ctx, error: error as Error };
    }
  }

  beforeEach(async () => {
    workspace.clear();
    evaluate = jest.fn();
    await writeOrderProduct(workspace.path);
  });

  it("evaluates the workspace's product with the scaffolder's own credentials", async () => {
    answer(scorecard([violation('SLO-001', 'warning')]));
    const { ctx, error } = await run();

    expect(error).toBeUndefined();
    expect(evaluate).toHaveBeenCalledTimes(1);
    const [entity, options] = evaluate.mock.calls[0];
    expect(options).toEqual({
      credentials: mockCredentials.service('plugin:scaffolder'),
    });
    expect(entity.metadata.name).toBe('order-returns');
    expect(entity.spec.outputPorts).toHaveLength(2);

    expect(ctx.output).toHaveBeenCalledWith('score', 98);
    expect(ctx.output).toHaveBeenCalledWith('status', 'warn');
    expect(ctx.output).toHaveBeenCalledWith('violations', [
      violation('SLO-001', 'warning'),
    ]);
  });

  it('fails on error-severity violations, naming rule, path and remediation', async () => {
    answer(
      scorecard([
        violation('SEC-002', 'error'),
        violation('STD-004', 'error'),
        violation('SLO-001', 'warning'),
        violation('QUAL-001', 'error', true),
      ]),
    );
    const { ctx, error } = await run();

    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toBe(
      [
        'dataproduct:default/order-returns breaks 2 governance rule(s) of severity error; nothing was published:',
        '- SEC-002 spec.sec-002: SEC-002 message — SEC-002 remediation',
        '- STD-004 spec.std-004: STD-004 message — STD-004 remediation',
      ].join('\n'),
    );
    // The outputs are there for the run's log and output, even when it fails.
    expect(ctx.output).toHaveBeenCalledWith('score', 78);
    expect(ctx.output).toHaveBeenCalledWith('status', 'fail');
  });

  it('passes with waived errors only', async () => {
    answer(scorecard([violation('QUAL-001', 'error', true)]));
    const { ctx, error } = await run();
    expect(error).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('status', 'pass');
  });

  it('checks in dry runs too', async () => {
    answer(scorecard([violation('SEC-001', 'error')]));
    const { error } = await run({}, true);
    expect(error?.message).toContain('- SEC-001 spec.sec-001');
    expect(evaluate).toHaveBeenCalledTimes(1);
  });

  it('checks an entity given as input', async () => {
    answer(scorecard([]));
    const entity = {
      apiVersion: 'datamesh.io/v1alpha1',
      kind: 'DataProduct',
      metadata: { name: 'other' },
      spec: { type: 'aggregate', lifecycle: 'x', owner: 'g', domain: 'd' },
    };
    const { error } = await run({ entity });
    expect(error).toBeUndefined();
    expect(evaluate.mock.calls[0][0]).toEqual(entity);
  });

  it.each([
    [{ catalogInfoPath: 'missing.yaml' }, 'missing.yaml does not exist'],
    [{ catalogInfoPath: '../catalog-info.yaml' }, /outside/],
    [
      { entity: { kind: 'DataProduct' } },
      'entity is not a valid DataProduct: apiVersion is required',
    ],
  ])('refuses %j before calling the backend', async (input, message) => {
    const { error } = await run(input);
    expect(error?.message).toMatch(message);
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('refuses a workspace file that is not a DataProduct', async () => {
    workspace.addContent({
      'catalog-info.yaml': 'kind: Component\nmetadata: { name: x }\n',
    });
    const { error } = await run();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toContain(
      'catalog-info.yaml is not a valid DataProduct',
    );
  });

  it("turns the backend's 400 into an input error", async () => {
    evaluate.mockRejectedValue(
      await failure(400, 'InputError', 'entity.spec.type is required'),
    );
    const { error } = await run();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toBe(
      'The governance check refused the product: entity.spec.type is required',
    );
  });

  it('passes other backend failures on', async () => {
    evaluate.mockRejectedValue(
      await failure(503, 'ServiceUnavailableError', 'down'),
    );
    const { error } = await run();
    expect(error?.name).toBe('ResponseError');
  });
});
