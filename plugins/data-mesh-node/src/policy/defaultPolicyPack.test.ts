import type { Violation } from '@datamesh-backstage/plugin-data-mesh-common';
import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { evaluateProduct } from '../engine/evaluateProduct';
import { compilePolicies } from './compilePolicies';
import { loadDefaultPolicyPack } from './defaultPolicyPack';

const policies = compilePolicies([loadDefaultPolicyPack()]);
const now = new Date('2026-11-21T12:00:00Z');

function violationsOf(
  mutate: (product: any) => void,
  context = exampleContext(),
): Violation[] {
  const product = compliantProduct();
  mutate(product);
  return evaluateProduct(product, policies, { context, now }).violations;
}

const v = (
  ruleId: string,
  severity: Violation['severity'],
  message: string,
  remediation: string,
  path: string,
): Violation => ({
  ruleId,
  severity,
  message,
  remediation,
  path,
  waived: false,
});

describe('the default policy pack', () => {
  it('has the reference rules, the platform standards and the cross-entity rules', () => {
    expect(
      policies.describe().map(rule => `${rule.id}:${rule.severity}`),
    ).toEqual([
      'SCHEMA-001:error',
      'SCHEMA-002:warning',
      'PRIVACY-001:error',
      'SLO-001:warning',
      'SLO-002:error',
      'SEC-001:error',
      'SEC-002:error',
      'STD-001:error',
      'STD-002:error',
      'STD-003:warning',
      'STD-004:error',
      'QUAL-001:error',
      'SLO-003:error',
      'QUAL-002:warning',
      'DOC-001:error',
      'VER-001:info',
      'CORE-001:error',
      'VER-002:error',
      'OWN-001:error',
      'LIN-001:error',
      'PRIVACY-002:error',
      'ACCESS-001:error',
      'ACCESS-002:error',
    ]);
  });

  it('passes a compliant product with a score of 100', () => {
    const card = evaluateProduct(compliantProduct(), policies, {
      context: exampleContext(),
      now,
    });
    expect(card).toEqual({
      entityRef: 'dataproduct:default/customer-360',
      score: 100,
      status: 'pass',
      violations: [],
      evaluatedAt: '2026-11-21T12:00:00.000Z',
      policyVersion: policies.version,
      domain: 'domain:default/customer',
      owner: 'group:default/customer-domain-team',
      type: 'aggregate',
      lifecycle: 'production',
    });
  });

  describe('SCHEMA-001: schema has type and fields', () => {
    it('reports each missing schema field, both when the schema is absent', () => {
      expect(violationsOf(p => delete p.spec.schema)).toEqual([
        v(
          'SCHEMA-001',
          'error',
          'Missing required schema field: type',
          "Add 'type' to the schema specification",
          'spec.schema.type',
        ),
        v(
          'SCHEMA-001',
          'error',
          'Missing required schema field: fields',
          "Add 'fields' to the schema specification",
          'spec.schema.fields',
        ),
      ]);
    });
    it('reports only the missing one', () => {
      expect(violationsOf(p => delete p.spec.schema.type)).toEqual([
        v(
          'SCHEMA-001',
          'error',
          'Missing required schema field: type',
          "Add 'type' to the schema specification",
          'spec.schema.type',
        ),
      ]);
    });
  });

  it('SCHEMA-002: one warning per field without a description', () => {
    expect(
      violationsOf(p => {
        delete p.spec.schema.fields[0].description;
        delete p.spec.schema.fields[1].description;
      }),
    ).toEqual([
      v(
        'SCHEMA-002',
        'warning',
        "Field 'customer_id' missing description",
        'Add description to improve discoverability',
        'spec.schema.fields[0].description',
      ),
      v(
        'SCHEMA-002',
        'warning',
        "Field 'email' missing description",
        'Add description to improve discoverability',
        'spec.schema.fields[1].description',
      ),
    ]);
  });

  it('PRIVACY-001: one error per field without a pii classification', () => {
    expect(violationsOf(p => delete p.spec.schema.fields[0].pii)).toEqual([
      v(
        'PRIVACY-001',
        'error',
        "Field 'customer_id' missing PII classification",
        "Add 'pii: true/false' to classify the field",
        'spec.schema.fields[0].pii',
      ),
    ]);
  });

  describe('SLO-001: availability target below 99%', () => {
    it('warns below 99%', () => {
      expect(
        violationsOf(p => (p.spec.slo.availability.target = '98.5%')),
      ).toEqual([
        v(
          'SLO-001',
          'warning',
          'Availability SLO (98.5%) below recommended 99%',
          'Consider increasing availability target',
          'spec.slo.availability.target',
        ),
      ]);
    });
    it('accepts exactly 99%', () => {
      expect(violationsOf(p => (p.spec.slo.availability.target = 99))).toEqual(
        [],
      );
    });
    it('counts a missing target as 0%, as the reference engine does', () => {
      expect(violationsOf(p => delete p.spec.slo.availability)).toEqual([
        v(
          'SLO-001',
          'warning',
          'Availability SLO (0%) below recommended 99%',
          'Consider increasing availability target',
          'spec.slo.availability.target',
        ),
      ]);
    });
  });

  it('SLO-002: freshness SLO defined', () => {
    expect(violationsOf(p => delete p.spec.slo.freshness)).toEqual([
      v(
        'SLO-002',
        'error',
        'Freshness SLO not defined',
        "Define freshness target (e.g., '1 hour')",
        'spec.slo.freshness',
      ),
    ]);
  });

  it('SLO-001 and SLO-002 both fire when there is no slo at all', () => {
    expect(violationsOf(p => delete p.spec.slo).map(x => x.ruleId)).toEqual([
      'SLO-001',
      'SLO-002',
    ]);
  });

  it('SEC-001 and SEC-002: classification and retention', () => {
    expect(violationsOf(p => delete p.spec.access)).toEqual([
      v(
        'SEC-001',
        'error',
        'Data classification not specified',
        'Add classification: public/internal/confidential/restricted',
        'spec.access.classification',
      ),
      v(
        'SEC-002',
        'error',
        'Retention policy not specified',
        'Define data retention period',
        'spec.access.retention',
      ),
    ]);
  });

  it('STD-001: output ports use platform storage and protocols', () => {
    expect(violationsOf(p => (p.spec.outputPorts[0].type = 'oracle'))).toEqual([
      v(
        'STD-001',
        'error',
        "Output port type 'oracle' is not a platform storage or protocol",
        'Serve the port from snowflake, databricks, s3_delta_lake, s3 or kafka, or as a rest/grpc API',
        'spec.outputPorts[0].type',
      ),
    ]);
  });

  it('STD-002: storage ports need a standard format', () => {
    expect(
      violationsOf(p => {
        delete p.spec.outputPorts[0].format;
        p.spec.outputPorts.push({ name: 'raw', type: 's3', format: 'xml' });
      }),
    ).toEqual([
      v(
        'STD-002',
        'error',
        "Output port 'table' has no standard format",
        'Set format to parquet, avro or iceberg (json or csv only where needed)',
        'spec.outputPorts[0].format',
      ),
      v(
        'STD-002',
        'error',
        "Output port 'raw' has no standard format",
        'Set format to parquet, avro or iceberg (json or csv only where needed)',
        'spec.outputPorts[2].format',
      ),
    ]);
  });

  it('STD-003: json and csv are optional formats for storage ports, not for APIs', () => {
    expect(
      violationsOf(p => {
        p.spec.outputPorts[0].format = 'csv';
        p.spec.outputPorts[1].format = 'json';
      }),
    ).toEqual([
      v(
        'STD-003',
        'warning',
        "Output port format 'csv' is optional; prefer parquet, avro or iceberg",
        'Publish the port as parquet, avro or iceberg',
        'spec.outputPorts[0].format',
      ),
    ]);
  });

  it('STD-004: API ports authenticate with oauth2 or mtls', () => {
    expect(
      violationsOf(p => {
        p.spec.outputPorts[1].authentication = 'basic';
        p.spec.outputPorts.push({ name: 'rpc', type: 'grpc' });
      }),
    ).toEqual([
      v(
        'STD-004',
        'error',
        "API port 'api' does not authenticate with oauth2 or mtls",
        'Set authentication: oauth2 or mtls on the port',
        'spec.outputPorts[1].authentication',
      ),
      v(
        'STD-004',
        'error',
        "API port 'rpc' does not authenticate with oauth2 or mtls",
        'Set authentication: oauth2 or mtls on the port',
        'spec.outputPorts[2].authentication',
      ),
    ]);
  });

  it('QUAL-001: one error per required quality test not declared', () => {
    expect(
      violationsOf(
        p => (p.spec.quality.tests = [{ type: 'range', column: 'x' }]),
      ),
    ).toEqual([
      v(
        'QUAL-001',
        'error',
        "Required quality test 'uniqueness' not declared",
        "Add a 'uniqueness' test to spec.quality.tests",
        'spec.quality.tests',
      ),
      v(
        'QUAL-001',
        'error',
        "Required quality test 'not_null' not declared",
        "Add a 'not_null' test to spec.quality.tests",
        'spec.quality.tests',
      ),
      v(
        'QUAL-001',
        'error',
        "Required quality test 'freshness' not declared",
        "Add a 'freshness' test to spec.quality.tests",
        'spec.quality.tests',
      ),
    ]);
  });

  it('DOC-001: a description that is absent or blank', () => {
    const expected = [
      v(
        'DOC-001',
        'error',
        'Product description missing',
        'Describe the product in metadata.description',
        'metadata.description',
      ),
    ];
    expect(violationsOf(p => delete p.metadata.description)).toEqual(expected);
    expect(violationsOf(p => (p.metadata.description = '  \n'))).toEqual(
      expected,
    );
  });

  describe('CORE-001: an imported product without type, lifecycle or domain', () => {
    const remediation = (field: string) =>
      `Set spec.${field}; for a product imported from an open standard, give it in the source file's vendor extension`;
    const imported = () => {
      const product = compliantProduct() as any;
      product.metadata.annotations = { 'datamesh.io/source-format': 'dcs' };
      delete product.spec.type;
      delete product.spec.lifecycle;
      delete product.spec.domain;
      return product;
    };

    it('fails once per field not set, and scores it', () => {
      const card = evaluateProduct(imported(), policies, {
        context: exampleContext(),
        now,
      });
      expect(card.violations).toEqual([
        v(
          'CORE-001',
          'error',
          'Product type not set',
          remediation('type'),
          'spec.type',
        ),
        v(
          'CORE-001',
          'error',
          'Product lifecycle not set',
          remediation('lifecycle'),
          'spec.lifecycle',
        ),
        v(
          'CORE-001',
          'error',
          'Product domain not set',
          remediation('domain'),
          'spec.domain',
        ),
      ]);
      expect(card).toMatchObject({ score: 70, status: 'fail' });
      expect(card.domain).toBeUndefined();
      expect(card.type).toBeUndefined();
      expect(card.lifecycle).toBeUndefined();
    });

    it('passes a product that sets them', () => {
      expect(
        violationsOf(() => {}).filter(x => x.ruleId === 'CORE-001'),
      ).toEqual([]);
    });
  });

  it('VER-001: a contract version (info, not scored)', () => {
    const product = compliantProduct();
    delete product.spec.version;
    const card = evaluateProduct(product, policies, {
      context: exampleContext(),
      now,
    });
    expect(card.violations).toEqual([
      v(
        'VER-001',
        'info',
        'Contract version not declared',
        'Set spec.version (for example 1.0.0)',
        'spec.version',
      ),
    ]);
    expect(card).toMatchObject({ score: 100, status: 'pass' });
  });

  describe('OWN-001: the owner is an existing group', () => {
    it('fails for an unknown owner', () => {
      expect(violationsOf(p => (p.spec.owner = 'ghost-team'))).toEqual([
        v(
          'OWN-001',
          'error',
          "Owner 'group:default/ghost-team' is not a group in the catalog",
          'Set spec.owner to an existing group (team) entity',
          'spec.owner',
        ),
      ]);
    });
    it('fails for an owner that is a user, not a group', () => {
      const user = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'ada' },
        spec: {},
      };
      expect(
        violationsOf(
          p => (p.spec.owner = 'user:ada'),
          exampleContext([user]),
        ).map(x => x.ruleId),
      ).toEqual(['OWN-001']);
    });
    it('gives the benefit of the doubt when the catalog is unknown', () => {
      const product = compliantProduct();
      product.spec.owner = 'ghost-team';
      expect(evaluateProduct(product, policies, { now }).violations).toEqual(
        [],
      );
    });
  });

  it('LIN-001: every upstream product exists, one error each', () => {
    expect(
      violationsOf(
        p =>
          (p.spec.lineage.upstreamProducts = [
            'customer-profiles',
            'gone',
            'dataproduct:sales/old',
          ]),
      ),
    ).toEqual([
      v(
        'LIN-001',
        'error',
        "Upstream product 'dataproduct:default/gone' does not exist",
        'Fix or remove the reference in spec.lineage.upstreamProducts',
        'spec.lineage.upstreamProducts[1]',
      ),
      v(
        'LIN-001',
        'error',
        "Upstream product 'dataproduct:sales/old' does not exist",
        'Fix or remove the reference in spec.lineage.upstreamProducts',
        'spec.lineage.upstreamProducts[2]',
      ),
    ]);
  });

  describe('PRIVACY-002: PII propagates from upstream products', () => {
    it('fails a copy of an upstream PII field that is not classified as PII', () => {
      expect(violationsOf(p => (p.spec.schema.fields[1].pii = false))).toEqual([
        v(
          'PRIVACY-002',
          'error',
          "Field 'email' copies PII from dataproduct:default/customer-profiles but is not classified as PII",
          "Set 'pii: true' on the field (and mask it as the upstream does)",
          'spec.schema.fields[1].pii',
        ),
      ]);
    });
    it('accepts a copy listed in the product own piiColumns', () => {
      expect(
        violationsOf(p => {
          p.spec.schema.fields[1].pii = false;
          p.spec.access.privacy = { piiColumns: ['email'] };
        }),
      ).toEqual([]);
    });
    it('reads upstream PII from its piiColumns too', () => {
      const upstream: any = {
        apiVersion: 'datamesh.io/v1alpha1',
        kind: 'DataProduct',
        metadata: { name: 'crm' },
        spec: {
          type: 'source-aligned',
          lifecycle: 'production',
          owner: 'x',
          domain: 'customer',
          access: { privacy: { piiColumns: ['customer_id'] } },
        },
      };
      expect(
        violationsOf(
          p => p.spec.lineage.upstreamProducts.push('crm'),
          exampleContext([upstream]),
        ).map(x => `${x.ruleId} ${x.path}`),
      ).toEqual(['PRIVACY-002 spec.schema.fields[0].pii']);
    });
  });

  describe('SLO-003: measured SLOs are met', () => {
    const withMeasurements = (summaries: any[], qualityTests: any[] = []) => {
      const base = exampleContext();
      return {
        lookup: base.lookup,
        measurements: (ref: string) =>
          ref === 'dataproduct:default/customer-360'
            ? { summaries, qualityTests }
            : undefined,
      };
    };

    it('fails a breached objective, naming its compliance', () => {
      const violations = violationsOf(
        () => {},
        withMeasurements([
          {
            kind: 'availability',
            total: 1000,
            passed: 995,
            lastObservedAt: '2026-11-21T00:00:00Z',
          },
          { kind: 'freshness', total: 100, passed: 100 },
        ]),
      );
      expect(violations).toEqual([
        v(
          'SLO-003',
          'error',
          'availability SLO breached over the last 30 days: 99.5% of checks met the target (99.9%), 99.9% required',
          "Restore the pipeline or revise the SLO with the product's consumers",
          'spec.slo.availability',
        ),
      ]);
    });

    it('passes met objectives and objectives without checks', () => {
      expect(
        violationsOf(() => {},
        withMeasurements([{ kind: 'availability', total: 1000, passed: 999 }])),
      ).toEqual([]);
      expect(violationsOf(() => {}, withMeasurements([]))).toEqual([]);
    });

    it('QUAL-002: warns for each quality test whose last run failed', () => {
      expect(
        violationsOf(
          () => {},
          withMeasurements(
            [],
            [
              {
                test: 'unique_customer_id',
                passed: true,
                observedAt: '2026-11-20T00:00:00Z',
              },
              {
                test: 'not_null_email',
                passed: false,
                observedAt: '2026-11-21T01:00:00Z',
              },
            ],
          ),
        ),
      ).toEqual([
        v(
          'QUAL-002',
          'warning',
          "Quality test 'not_null_email' failed on its last run (2026-11-21T01:00:00Z)",
          'Fix the data or the test, then re-run the pipeline',
          'spec.quality.tests',
        ),
      ]);
    });
  });

  it('scores 100 − 10·errors − 2·warnings, never below 0', () => {
    const product = compliantProduct();
    delete product.spec.schema!.fields![0].description; // warning
    delete product.spec.access; // 2 errors
    const card = evaluateProduct(product, policies, {
      context: exampleContext(),
      now,
    });
    expect(card).toMatchObject({ score: 78, status: 'fail' });

    const empty = compliantProduct() as any;
    delete empty.spec.schema;
    delete empty.spec.slo;
    delete empty.spec.access;
    delete empty.spec.quality;
    delete empty.metadata.description;
    empty.spec.owner = 'nobody';
    empty.spec.outputPorts = [{ name: 'x', type: 'ftp' }];
    expect(
      evaluateProduct(empty, policies, { context: exampleContext(), now }),
    ).toMatchObject({
      score: 0,
      status: 'fail',
    });
  });
});
