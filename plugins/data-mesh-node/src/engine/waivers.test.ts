import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import { compliantProduct } from '../__fixtures__/products';
import { entityWaivers, normalizeExpiry, waiversToJudge } from './waivers';

const REF = 'dataproduct:default/customer-360';

describe('normalizeExpiry', () => {
  it('reads a date as the end of that day, and a date-time without a zone as UTC', () => {
    expect(normalizeExpiry('2026-12-31')).toBe('2026-12-31T23:59:59.999Z');
    expect(normalizeExpiry('2026-11-21T12:30:00')).toBe(
      '2026-11-21T12:30:00.000Z',
    );
    expect(normalizeExpiry('2026-11-21T13:30:00+01:00')).toBe(
      '2026-11-21T12:30:00.000Z',
    );
    expect(normalizeExpiry('2026-11-21T99:00')).toBe('2026-11-21T99:00');
  });
});

describe('entityWaivers', () => {
  it('reads the spec as pending requests, the first declaration of a rule winning', () => {
    const product = compliantProduct();
    product.spec.governance = {
      waivers: [
        { rule: 'SEC-002', reason: 'first', expires: '2026-12-31' },
        { rule: 'SEC-002', reason: 'second', expires: '2027-12-31' },
      ],
    };
    expect(entityWaivers(product, REF)).toEqual([
      {
        entityRef: REF,
        ruleId: 'SEC-002',
        reason: 'first',
        expiresAt: '2026-12-31T23:59:59.999Z',
        source: 'entity',
        status: 'pending',
      },
    ]);
  });
});

describe('waiversToJudge', () => {
  const declared: Waiver = {
    entityRef: REF,
    ruleId: 'SEC-002',
    reason: 'Legal review',
    expiresAt: '2026-12-31T23:59:59.999Z',
    source: 'entity',
    status: 'pending',
  };
  const stored = (overrides: Partial<Waiver>): Waiver => ({
    ...declared,
    status: 'approved',
    decidedBy: 'user:default/ana',
    ...overrides,
  });

  it('takes the stored record of the same rule and content, which carries the decision', () => {
    expect(waiversToJudge([declared], [stored({})])).toEqual([stored({})]);
  });

  it('keeps a declaration whose reason or expiry differs from the record as pending', () => {
    for (const change of [
      { reason: 'Legal review ' },
      { expiresAt: '2026-12-31T23:59:59.998Z' },
    ]) {
      expect(waiversToJudge([declared], [stored(change)])).toEqual([declared]);
    }
  });

  it('leaves out records of declarations no longer made, and keeps API waivers', () => {
    const api = stored({ source: 'api', ruleId: 'DOC-001' });
    expect(waiversToJudge([], [stored({}), api])).toEqual([api]);
  });
});
