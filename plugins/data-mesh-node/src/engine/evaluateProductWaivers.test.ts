import type {
  DataProductEntityV1alpha1,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { compliantProduct, exampleContext } from '../__fixtures__/products';
import { compilePolicies } from '../policy/compilePolicies';
import { loadDefaultPolicyPack } from '../policy/defaultPolicyPack';
import { parsePolicyPack } from '../policy/parsePolicyPack';
import { evaluateProduct } from './evaluateProduct';

const financePack = parsePolicyPack(
  {
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'PolicyPack',
    metadata: { name: 'finance' },
    spec: {
      domain: 'finance',
      // A rule of another domain: it does not apply to customer-360.
      rules: [{ id: 'FIN-001', severity: 'error', condition: {} }],
    },
  },
  'finance',
);
const policies = compilePolicies([loadDefaultPolicyPack(), financePack]);
const now = new Date('2026-11-21T12:00:00Z');
const REF = 'dataproduct:default/customer-360';

/** A product violating SEC-002 (error, 10 points) and declaring `waivers`. */
function product(
  waivers: Array<{ rule: string; reason: string; expires: string }> = [],
): DataProductEntityV1alpha1 {
  const entity = compliantProduct();
  delete entity.spec.access!.retention;
  entity.spec.governance = { waivers };
  return entity;
}

const declared = {
  rule: 'SEC-002',
  reason: 'Legal review',
  expires: '2026-12-31',
};
const record = (overrides: Partial<Waiver> = {}): Waiver => ({
  entityRef: REF,
  ruleId: 'SEC-002',
  reason: 'Legal review',
  expiresAt: '2026-12-31T23:59:59.999Z',
  source: 'entity',
  status: 'approved',
  decidedBy: 'user:default/ana',
  decidedAt: '2026-11-20T09:00:00.000Z',
  ...overrides,
});

const evaluate = (
  entity: DataProductEntityV1alpha1,
  waivers: Waiver[] = [],
  at = now,
) =>
  evaluateProduct(entity, policies, {
    context: exampleContext(),
    waivers,
    now: at,
  });

describe('evaluateProduct with waivers', () => {
  it('lists a declaration of the spec as a pending request that does not count', () => {
    const card = evaluate(product([declared]));
    expect(card).toMatchObject({ score: 90, status: 'fail' });
    expect(card.violations[0]).toMatchObject({
      ruleId: 'SEC-002',
      waived: false,
    });
    expect(card.violations[0].waiver).toBeUndefined();
    expect(card.waivers).toEqual([
      {
        ruleId: 'SEC-002',
        reason: 'Legal review',
        expiresAt: '2026-12-31T23:59:59.999Z',
        source: 'entity',
        status: 'pending',
        counts: false,
        standing: 'pending-approval',
        explanation: 'Waits for approval by governance',
      },
    ]);
  });

  it('counts a declaration once its stored record of the same content is approved', () => {
    const card = evaluate(product([declared]), [record()]);
    expect(card).toMatchObject({ score: 100, status: 'pass' });
    expect(card.violations[0]).toMatchObject({
      waived: true,
      waiver: {
        reason: 'Legal review',
        expiresAt: '2026-12-31T23:59:59.999Z',
        source: 'entity',
      },
    });
    expect(card.waivers![0]).toMatchObject({
      counts: true,
      standing: 'in-force',
      decidedBy: 'user:default/ana',
      explanation:
        'Approved by user:default/ana on 2026-11-20; in force until 2026-12-31',
    });
  });

  it.each([
    ['another reason', { reason: 'Legal review, extended' }],
    ['a later expiry', { expires: '2027-01-15' }],
  ])(
    'treats a declaration edited to %s after approval as a new request',
    (_, edit) => {
      const card = evaluate(product([{ ...declared, ...edit }]), [record()]);
      expect(card.score).toBe(90);
      expect(card.waivers![0]).toMatchObject({
        status: 'pending',
        standing: 'pending-approval',
      });
    },
  );

  it('ignores stored records of declarations the spec no longer makes', () => {
    const card = evaluate(product([]), [record()]);
    expect(card.score).toBe(90);
    expect(card.waivers).toBeUndefined();
  });

  it('counts approved API waivers, not pending, rejected or revoked ones', () => {
    const api = (status: Waiver['status']) =>
      record({ source: 'api', status, requestedBy: 'user:default/owner' });
    expect(evaluate(product(), [api('approved')]).score).toBe(100);
    for (const status of ['pending', 'rejected', 'revoked'] as const) {
      const card = evaluate(product(), [api(status)]);
      expect(card.score).toBe(90);
      expect(card.waivers![0]).toMatchObject({ counts: false, status });
    }
  });

  it('lists self-waivers of unknown, inapplicable or far-off rules without scoring them', () => {
    const card = evaluate(
      product([
        { rule: 'NOPE-001', reason: 'x', expires: '2026-12-01' },
        { rule: 'FIN-001', reason: 'x', expires: '2026-12-01' },
        { ...declared, expires: '9999-12-31' },
      ]),
      [
        record({
          ruleId: 'NOPE-001',
          reason: 'x',
          expiresAt: '2026-12-01T23:59:59.999Z',
        }),
        record({
          ruleId: 'FIN-001',
          reason: 'x',
          expiresAt: '2026-12-01T23:59:59.999Z',
        }),
        record({ expiresAt: '9999-12-31T23:59:59.999Z' }),
      ],
    );
    expect(card.score).toBe(90);
    expect(card.waivers!.map(w => [w.ruleId, w.standing, w.counts])).toEqual([
      ['FIN-001', 'rule-not-applicable', false],
      ['NOPE-001', 'unknown-rule', false],
      ['SEC-002', 'expiry-too-far', false],
    ]);
  });

  it('reopens the violation once the approved waiver expires', () => {
    const entity = product([declared]);
    expect(evaluate(entity, [record()]).score).toBe(100);
    const later = evaluate(
      entity,
      [record()],
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(later).toMatchObject({ score: 90, status: 'fail' });
    expect(later.violations[0].waived).toBe(false);
    expect(later.waivers![0]).toMatchObject({
      standing: 'expired',
      explanation: 'Expired on 2026-12-31; the violation counts again',
    });
  });

  it('keeps the later expiry when the spec and the API both waive a rule', () => {
    const card = evaluate(product([declared]), [
      record(),
      record({ source: 'api', expiresAt: '2027-01-31T00:00:00.000Z' }),
    ]);
    expect(card.violations[0].waiver).toMatchObject({
      source: 'api',
      expiresAt: '2027-01-31T00:00:00.000Z',
    });
    expect(card.waivers!.map(w => w.source)).toEqual(['api', 'entity']);
  });
});
