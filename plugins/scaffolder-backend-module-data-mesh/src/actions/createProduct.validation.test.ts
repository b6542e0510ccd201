import { createMockDirectory } from '@backstage/backend-test-utils';
import { orderProductInput } from '../__testUtils__/inputs';
import { runCreateProduct } from '../__testUtils__/workspace';

describe('datamesh:product:create: input validation', () => {
  const workspace = createMockDirectory();

  beforeEach(() => workspace.clear());

  const run = (input: Record<string, unknown>) =>
    runCreateProduct(workspace.path, input);

  it.each([
    [{ name: 'Order Returns!' }, 'name: must consist of letters'],
    [{ name: 'x'.repeat(64) }, 'name: must be at most 63 characters'],
    [{ type: 'lake' }, 'type: Invalid enum value'],
    [{ outputPorts: [] }, 'outputPorts: declare at least one port'],
    [{ version: 'one' }, 'version: must be a semantic version'],
    [
      { access: { retention: 'forever' } },
      "access.retention: must read like '90 days' or '7 years'",
    ],
    [
      { quality: { uniqueKey: 'id' } },
      "quality.uniqueKey: 'id' is not a schema field",
    ],
    [
      { slo: { freshness: 'soon', availability: '120%' } },
      "slo.freshness: 'soon' is not a duration",
    ],
    [
      { slo: { availability: '120%' } },
      "slo.availability: '120%' is not a percentage",
    ],
    [{ domain: 'group:default/order' }, 'is not a Domain entity ref'],
    [
      { upstreamProducts: ['dataproduct:default/order-events'] },
      'a source-aligned product reads source systems',
    ],
    [
      { type: 'aggregate', upstreamProducts: ['order-events', 'ORDER-EVENTS'] },
      'combines at least two upstream data products',
    ],
    [{ type: 'consumer-aligned' }, 'reads at least one upstream data product'],
  ])(
    'refuses %j with a clear error and writes nothing',
    async (change, message) => {
      await expect(run(orderProductInput(change))).rejects.toThrow(message);
      expect(workspace.content()).toEqual({});
    },
  );

  it('refuses a field or port declared twice', async () => {
    const input = orderProductInput();
    input.schema.fields.push({ ...input.schema.fields[0], name: 'RETURN_ID' });
    input.outputPorts.push(input.outputPorts[0]);
    await expect(run(input)).rejects.toThrow(
      "schema.fields: 'RETURN_ID' is declared more than once; outputPorts: 'returns-table' is declared more than once",
    );
  });

  it('refuses a target path outside the workspace', async () => {
    await expect(
      run(orderProductInput({ targetPath: '../outside' })),
    ).rejects.toThrow(/outside/);
    expect(workspace.content()).toEqual({});
  });
});
