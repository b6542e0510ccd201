import { parsePolicyPack } from './parsePolicyPack';

describe('parsePolicyPack', () => {
  it('reads a pack from YAML and fills rule defaults', () => {
    expect(
      parsePolicyPack(
        `
apiVersion: datamesh.io/v1alpha1
kind: PolicyPack
metadata: { name: customer, title: Customer domain }
spec:
  domain: customer
  rules:
    - id: CUS-001
      severity: warning
      condition: { properties: { spec: { required: [version] } } }
`,
        'customer.yaml',
      ),
    ).toEqual({
      name: 'customer',
      title: 'Customer domain',
      description: undefined,
      domain: 'customer',
      source: 'customer.yaml',
      rules: [
        {
          id: 'CUS-001',
          title: 'CUS-001',
          severity: 'warning',
          description: '',
          remediation: '',
          condition: { properties: { spec: { required: ['version'] } } },
        },
      ],
    });
  });

  it('accepts objects from configuration', () => {
    const pack = parsePolicyPack(
      {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'PolicyPack',
        metadata: { name: 'inline' },
        spec: { rules: [{ id: 'A-1', severity: 'info', condition: {} }] },
      },
      'app-config dataMesh.governance.packs[0]',
    );
    expect(pack.rules.map(r => r.id)).toEqual(['A-1']);
  });

  it.each([
    ['rules: [', /^Policy pack p.yaml is not valid YAML: /],
    [
      'apiVersion: datamesh.io/v1alpha1\nkind: PolicyPack\nmetadata: { name: p }\nspec:\n  rules:\n    - { id: OK-1, severity: error, condition: {} }\n    - { id: BAD-2, severity: fatal, condition: {} }\n',
      /^Policy pack p.yaml is invalid: rule BAD-2: spec.rules.1.severity: Invalid option: expected one of "error"\|"warning"\|"info"$/,
    ],
    [
      'apiVersion: datamesh.io/v1alpha1\nkind: PolicyPack\nmetadata: { name: p }\nspec:\n  rules:\n    - { id: lower-case, severity: error, condition: {} }\n',
      /rule lower-case: spec.rules.0.id: must be upper-case words and digits joined by dashes/,
    ],
    [
      'apiVersion: datamesh.io/v1alpha1\nkind: PolicyPack\nmetadata: { name: p }\nspec:\n  rules:\n    - { id: A-1, severity: error, conditon: {} }\n',
      /rule A-1: spec.rules.0: Unrecognized key: "conditon"/,
    ],
    [
      'apiVersion: datamesh.io/v1alpha1\nkind: PolicyPack\nmetadata: { name: p }\nspec:\n  rules:\n    - { id: A-1, severity: error, condition: {} }\n    - { id: A-1, severity: error, condition: {} }\n',
      /^Policy pack p.yaml is invalid: rule A-1 is defined twice$/,
    ],
    ['kind: Component', /^Policy pack p.yaml is invalid: apiVersion: /],
  ])('rejects %p with a message naming the file and rule', (yaml, message) => {
    expect(() => parsePolicyPack(yaml, 'p.yaml')).toThrow(message);
  });
});
