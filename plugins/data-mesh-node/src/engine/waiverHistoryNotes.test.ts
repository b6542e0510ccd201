import type {
  ScorecardWaiver,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { waiverHistoryNotes } from './waiverHistoryNotes';

const violation = (ruleId: string, waived: boolean): Violation => ({
  ruleId,
  severity: 'error',
  message: `${ruleId} broken`,
  remediation: 'fix it',
  path: 'spec',
  waived,
  ...(waived
    ? {
        waiver: {
          reason: 'r',
          expiresAt: '2026-12-01T23:59:59.999Z',
          source: 'entity' as const,
        },
      }
    : {}),
});

const waiver = (
  ruleId: string,
  standing: ScorecardWaiver['standing'],
  overrides: Partial<ScorecardWaiver> = {},
): ScorecardWaiver => ({
  ruleId,
  reason: 'r',
  expiresAt: '2026-12-01T23:59:59.999Z',
  source: 'entity',
  status: 'approved',
  counts: standing === 'in-force',
  standing,
  explanation: `${standing} explained`,
  decidedBy: 'user:default/ana',
  ...overrides,
});

describe('waiverHistoryNotes', () => {
  it('says which waivers stopped counting, and why', () => {
    const previous = {
      violations: ['SEC-001', 'SEC-002', 'DOC-001', 'LIN-001', 'OWN-001'].map(
        id => violation(id, true),
      ),
    };
    const next = {
      violations: ['SEC-001', 'SEC-002', 'DOC-001', 'LIN-001', 'OWN-001'].map(
        id => violation(id, false),
      ),
      waivers: [
        waiver('SEC-001', 'expired'),
        waiver('SEC-002', 'revoked', { status: 'revoked' }),
        waiver('DOC-001', 'pending-approval', { status: 'pending' }),
        waiver('LIN-001', 'expiry-too-far', {
          explanation:
            'Expires 120 days after approval; at most 90 are allowed',
        }),
      ],
    };
    expect(waiverHistoryNotes(previous, next)).toEqual([
      'Waiver of DOC-001 changed and waits for approval; the violation counts again',
      'Waiver of LIN-001 no longer counts (Expires 120 days after approval; at most 90 are allowed); the violation counts again',
      'Waiver of OWN-001 withdrawn; the violation counts again',
      'Waiver of SEC-001 expired on 2026-12-01; the violation counts again',
      'Waiver of SEC-002 revoked by user:default/ana; the violation counts again',
    ]);
  });

  it('says who approved a waiver that now covers a violation', () => {
    expect(
      waiverHistoryNotes(
        { violations: [violation('SEC-001', false)] },
        {
          violations: [violation('SEC-001', true)],
          waivers: [waiver('SEC-001', 'in-force')],
        },
      ),
    ).toEqual([
      'Waiver of SEC-001 approved by user:default/ana; the violation no longer counts',
    ]);
  });

  it('says nothing for a first result, a fixed violation or an unchanged waiver', () => {
    const waived = {
      violations: [violation('SEC-001', true)],
      waivers: [waiver('SEC-001', 'in-force')],
    };
    expect(waiverHistoryNotes(undefined, waived)).toEqual([]);
    expect(waiverHistoryNotes(waived, waived)).toEqual([]);
    expect(waiverHistoryNotes(waived, { violations: [] })).toEqual([]);
  });
});
