import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { InputError } from '@backstage/errors';
import { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import { scorecard, violation } from '../__testUtils__/inputs';
import { writeOrderProduct } from '../__testUtils__/workspace';
import { createGovernanceCheckAction } from './governanceCheck';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** An error response of a Backstage backend. */
const failure = (status: number, name: string, message: string) =>
  json(status, {
    error: { name, message },
    request: { method: 'POST', url: '/evaluate' },
    response: { statusCode: status },
  });

describe('datamesh:governance:check', () => {
  const workspace = createMockDirectory();
  let fetchMock: jest.Mock;

  function answer(card: Scorecard) {
    fetchMock.mockImplementation(async () => json(200, card));
  }

  async function run(input: Record<string, unknown> = {}, isDryRun = false) {
    const action = createGovernanceCheckAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
      fetch: fetchMock,
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
    fetchMock = jest.fn();
    await writeOrderProduct(workspace.path);
  });

  it("evaluates the workspace's product with a service token for data-mesh", async () => {
    answer(scorecard([violation('SLO-001', 'warning')]));
    const { ctx, error } = await run();

    expect(error).toBeUndefined();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://localhost:0/api/data-mesh/evaluate');
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:scaffolder'),
        targetPluginId: 'data-mesh',
      })}`,
    );
    const { entity } = JSON.parse(init.body);
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
    expect(fetchMock).toHaveBeenCalledTimes(1);
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
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ entity });
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
    expect(fetchMock).not.toHaveBeenCalled();
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
    fetchMock.mockImplementation(async () =>
      failure(400, 'InputError', 'entity.spec.type is required'),
    );
    const { error } = await run();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toBe(
      'The governance check refused the product: entity.spec.type is required',
    );
  });

  it('passes other backend failures on', async () => {
    fetchMock.mockImplementation(async () =>
      failure(503, 'ServiceUnavailableError', 'down'),
    );
    const { error } = await run();
    expect(error?.name).toBe('ResponseError');
  });
});
