import { createMockDirectory } from '@backstage/backend-test-utils';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { field, orderProductInput } from '../__testUtils__/inputs';
import { runCreateProduct } from '../__testUtils__/workspace';

/**
 * The official ODCS 3.1 JSON Schema, read where the project keeps the
 * standards' schemas as test data (`DM_STANDARDS_DIR` overrides). A missing
 * schema fails the test: it is never skipped.
 */
function odcsSchema() {
  const dir =
    process.env.DM_STANDARDS_DIR ??
    resolve(__dirname, '../../../../../shared/standards');
  const file = join(dir, 'odcs-json-schema-v3.1.0.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `The official ODCS 3.1 schema is needed at ${file} (set DM_STANDARDS_DIR): ${error}`,
    );
  }
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(odcsSchema());

/** Every contract a run wrote, parsed, by file name. */
function writtenContracts(workspacePath: string) {
  const dir = join(workspacePath, 'contracts');
  return readdirSync(dir)
    .filter(name => name.endsWith('.odcs.yaml'))
    .sort()
    .map(name => ({
      name,
      contract: parse(readFileSync(join(dir, name), 'utf8')),
    }));
}

function expectValidOdcs(contract: unknown, name: string) {
  const valid = validate(contract);
  if (!valid) {
    throw new Error(`${name}: ${ajv.errorsText(validate.errors)}`);
  }
}

describe('the contracts the scaffolder writes', () => {
  const workspace = createMockDirectory();

  beforeEach(() => workspace.clear());

  it('validate against the official ODCS 3.1 schema, for every port type', async () => {
    await runCreateProduct(
      workspace.path,
      orderProductInput({
        outputPorts: [
          {
            name: 'returns-table',
            type: 'snowflake',
            format: 'iceberg',
            location: 'order_domain.silver.returns',
          },
          {
            name: 'returns-api',
            type: 'rest',
            endpoint: '/api/v1/returns/{return_id}',
            authentication: 'oauth2',
          },
          {
            name: 'returns-lake',
            type: 's3_delta_lake',
            location: 's3://order/returns',
          },
          { name: 'returns-stream', type: 'kafka', location: 'order.returns' },
          { name: 'returns-grpc', type: 'grpc', endpoint: 'order.v1.Returns' },
        ],
        schema: {
          type: 'avro',
          fields: [
            field('return_id', 'string', false),
            field('customer_email', 'string', true),
            field('refund_amount', 'decimal(18,2)', false, false),
            field('returned_on', 'date', false),
            field('updated_at', 'timestamp', false),
          ],
        },
      }),
    );

    const contracts = writtenContracts(workspace.path);
    expect(contracts.map(c => c.name)).toEqual([
      'returns-api.odcs.yaml',
      'returns-grpc.odcs.yaml',
      'returns-lake.odcs.yaml',
      'returns-stream.odcs.yaml',
      'returns-table.odcs.yaml',
    ]);
    for (const { name, contract } of contracts) {
      expect(contract.apiVersion).toBe('v3.1.0');
      expect(() => expectValidOdcs(contract, name)).not.toThrow();
    }
  });

  it('validate for a product with only the required answers', async () => {
    await runCreateProduct(
      workspace.path,
      orderProductInput({
        description: undefined,
        slo: undefined,
        access: undefined,
        quality: undefined,
      }),
    );
    const contracts = writtenContracts(workspace.path);
    expect(contracts).toHaveLength(2);
    for (const { name, contract } of contracts) {
      expect(() => expectValidOdcs(contract, name)).not.toThrow();
    }
  });

  it('a contract the schema rejects is caught', async () => {
    await runCreateProduct(workspace.path, orderProductInput());
    const [{ contract }] = writtenContracts(workspace.path);
    delete contract.status;
    contract.schema[0].properties[0].logicalType = 'text';
    expect(() => expectValidOdcs(contract, 'broken')).toThrow(
      /must have required property 'status'/,
    );
  });
});
