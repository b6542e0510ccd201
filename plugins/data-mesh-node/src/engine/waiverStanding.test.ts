import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import { judgeWaiver, WaiverRules } from './waiverStanding';

const rules: WaiverRules = {
  ruleExists: id => id !== 'NOPE-001',
  ruleApplies: id => id !== 'FIN-001',
  maxWaiverDays: 90,
  now: new Date('2026-11-21T12:00:00.000Z'),
};

const approved: Waiver = {
  entityRef: 'dataproduct:default/a',
  ruleId: 'SEC-001',
  reason: 'Vendor migration',
  expiresAt: '2027-01-31T00:00:00.000Z',
  source: 'api',
  status: 'approved',
  requestedBy: 'user:default/owner',
  decidedBy: 'user:default/ana',
  decidedAt: '2026-11-20T00:00:00.000Z',
};

const judge = (overrides: Partial<Waiver>, against = rules) =>
  judgeWaiver({ ...approved, ...overrides }, against);

describe('judgeWaiver', () => {
  it.each<[string, Partial<Waiver>, string, string]>([
    [
      'an approved waiver in force',
      {},
      'in-force',
      'Approved by user:default/ana on 2026-11-20; in force until 2027-01-31',
    ],
    [
      'a request',
      { status: 'pending', decidedBy: undefined, decidedAt: undefined },
      'pending-approval',
      'Waits for approval by governance',
    ],
    [
      'a rejected request',
      { status: 'rejected', comment: 'Fix it instead' },
      'rejected',
      'Rejected by user:default/ana on 2026-11-20: Fix it instead',
    ],
    [
      'a revoked waiver',
      { status: 'revoked' },
      'revoked',
      'Revoked by user:default/ana on 2026-11-20',
    ],
    [
      'an expired waiver',
      { expiresAt: '2026-10-01T23:59:59.999Z' },
      'expired',
      'Expired on 2026-10-01; the violation counts again',
    ],
    [
      'an expired request',
      { status: 'pending', expiresAt: '2026-10-01T23:59:59.999Z' },
      'expired',
      'Expired on 2026-10-01 before approval',
    ],
    [
      'an unknown rule',
      { ruleId: 'NOPE-001' },
      'unknown-rule',
      'No rule NOPE-001 in the policies in force',
    ],
    [
      'a rule that does not apply',
      { ruleId: 'FIN-001' },
      'rule-not-applicable',
      'FIN-001 does not apply to this product',
    ],
    [
      'a blank reason',
      { reason: '  ' },
      'missing-reason',
      'No reason is given; a waiver needs one',
    ],
    [
      'an expiry that is no date',
      { expiresAt: '2026-11-21T99:00' },
      'invalid-expiry',
      'The expiry "2026-11-21T99:00" is not a date',
    ],
    [
      'an approval for longer than allowed',
      { expiresAt: '2027-12-27T00:00:00.000Z' },
      'expiry-too-far',
      'Expires 402 days after approval; at most 90 are allowed',
    ],
    [
      'a request for longer than allowed',
      { status: 'pending', expiresAt: '9999-12-31T23:59:59.999Z' },
      'expiry-too-far',
      'Ends on 9999-12-31, more than 90 days from now: it cannot be approved',
    ],
  ])('judges %s', (_, overrides, standing, explanation) => {
    const judged = judge(overrides);
    expect(judged).toMatchObject({ standing, explanation });
    expect(judged.counts).toBe(standing === 'in-force');
  });

  it('measures the maximum from the approval, to the millisecond', () => {
    const limit = '2027-02-18T00:00:00.000Z'; // 2026-11-20 + 90 days
    expect(judge({ expiresAt: limit }).counts).toBe(true);
    expect(judge({ expiresAt: '2027-02-18T00:00:00.001Z' }).standing).toBe(
      'expiry-too-far',
    );
    expect(
      judge({ expiresAt: limit }, { ...rules, maxWaiverDays: 30 }).standing,
    ).toBe('expiry-too-far');
  });

  it('stops counting at the expiry instant', () => {
    const at = (now: string) =>
      judge(
        { expiresAt: '2026-12-01T00:00:00.000Z' },
        {
          ...rules,
          now: new Date(now),
        },
      ).standing;
    expect(at('2026-11-30T23:59:59.999Z')).toBe('in-force');
    expect(at('2026-12-01T00:00:00.000Z')).toBe('expired');
  });
});
