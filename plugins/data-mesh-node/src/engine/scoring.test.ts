import { countViolations, scoreViolations, summarizeRollup } from './scoring';

const violation = (severity: 'error' | 'warning' | 'info', waived = false) => ({
  ruleId: 'R',
  severity,
  message: '',
  remediation: '',
  path: '',
  waived,
});

describe('scoring', () => {
  const weights = { error: 10, warning: 2, info: 0 };

  it('counts unwaived violations by severity and waived ones apart', () => {
    expect(
      countViolations([
        violation('error'),
        violation('error', true),
        violation('warning'),
        violation('info'),
      ]),
    ).toEqual({ error: 1, warning: 1, info: 1, waived: 1 });
  });

  it.each([
    [
      { error: 0, warning: 0, info: 3, waived: 2 },
      { score: 100, status: 'pass' },
    ],
    [
      { error: 0, warning: 3, info: 0, waived: 0 },
      { score: 94, status: 'warn' },
    ],
    [
      { error: 2, warning: 1, info: 0, waived: 0 },
      { score: 78, status: 'fail' },
    ],
    [
      { error: 12, warning: 0, info: 0, waived: 0 },
      { score: 0, status: 'fail' },
    ],
  ])('%p scores %p', (counts, expected) => {
    expect(scoreViolations(counts, weights)).toEqual(expected);
  });

  it('summarizes a rollup', () => {
    expect(
      summarizeRollup([
        { score: 100, status: 'pass', ruleIds: [] },
        { score: 90, status: 'fail', ruleIds: ['SEC-001'] },
        { score: 70, status: 'fail', ruleIds: ['SEC-001', 'SLO-002'] },
        { score: 96, status: 'warn', ruleIds: ['SCHEMA-002'] },
      ]),
    ).toEqual({
      productCount: 4,
      averageScore: 89,
      minimumScore: 70,
      passCount: 1,
      warnCount: 1,
      failCount: 2,
      topFailingRules: [
        { ruleId: 'SEC-001', count: 2 },
        { ruleId: 'SCHEMA-002', count: 1 },
        { ruleId: 'SLO-002', count: 1 },
      ],
    });
    expect(summarizeRollup([])).toEqual({
      productCount: 0,
      averageScore: null,
      minimumScore: null,
      passCount: 0,
      warnCount: 0,
      failCount: 0,
      topFailingRules: [],
    });
  });
});
