import { load } from 'js-yaml';
import { file } from '../__testUtils__/fixtures';
import { toYaml } from '../parse/toYaml';
import { convertedContractFile } from './contractFile';
import { importProduct } from './importProduct';

const DCS = `dataContractSpecification: 1.1.0
id: orders
info: { title: Orders, version: 1.0.0, owner: sales }
models:
  orders:
    fields:
      status: { type: string, enum: [open, closed] }
`;

describe('convertedContractFile', () => {
  const data = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'c' };

  it('reads, spreads and serialises as a file whose content is the YAML of the data', () => {
    const converted = convertedContractFile('c.odcs.yaml', data);
    const expected = { path: 'c.odcs.yaml', content: toYaml(data) };
    expect(converted.content).toBe(expected.content);
    expect({ ...converted }).toEqual(expected);
    expect(JSON.parse(JSON.stringify(converted))).toEqual(expected);
  });

  it('writes the text once and takes a new one when set', () => {
    const own = { ...data };
    const converted = convertedContractFile('c.odcs.yaml', own);
    const first = converted.content;
    own.id = 'changed';
    expect(converted.content).toBe(first);
    converted.content = 'id: other\n';
    expect(converted.content).toBe('id: other\n');
  });
});

describe('importProduct: a contract converted from DCS', () => {
  it('gives the converted contract as text, unchanged by edits of the entity', () => {
    const result = importProduct([file('orders.yaml', DCS)]);
    const field = result.entity.spec.schema!.fields![0];
    expect(field.enum).toEqual(['open', 'closed']);
    field.enum!.push('lost');
    const [contract] = result.contracts;
    expect(contract.path).toBe('orders.odcs.yaml');
    const odcs = load(contract.content) as any;
    expect(odcs.schema[0].properties[0].quality[0].arguments).toEqual({
      validValues: ['open', 'closed'],
    });
  });
});
