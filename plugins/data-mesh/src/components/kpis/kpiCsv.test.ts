import { freshness, kpi } from '../../__testUtils__/fixtures';
import { kpiBreakdownCsv, kpiHistoryCsv, toCsv } from './kpiCsv';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF rows, quotes around commas, quotes and line breaks', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 1.5],
          ['with, comma', 'say "hi"'],
          ['two\nlines', null],
        ],
      ),
    ).toBe('a,b\r\nplain,1.5\r\n"with, comma","say ""hi"""\r\n"two\nlines",');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    const csv = toCsv(
      ['value'],
      [
        ['=HYPERLINK("http://evil.example.com")'],
        ['+1+1'],
        ['-2+3'],
        ['@SUM(A1)'],
        ['\tcmd'],
        ['\r=1'],
        ['=1\n=2'],
        [-5],
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      'value',
      `"'=HYPERLINK(""http://evil.example.com"")"`,
      `"'+1+1"`,
      `"'-2+3"`,
      `"'@SUM(A1)"`,
      `"'\tcmd"`,
      `"'\r=1"`,
      `"'=1\n=2"`,
      // Numbers stay numbers.
      '-5',
    ]);
  });
});

describe('kpiHistoryCsv', () => {
  it('writes one row per date and one column per KPI title', () => {
    const csv = kpiHistoryCsv(
      {
        from: '2026-11-01',
        to: '2026-11-14',
        interval: 'week',
        points: [
          { date: '2026-11-02', values: { domains_onboarded: 50 } },
          { date: '2026-11-09', values: { domains_onboarded: null } },
        ],
      },
      {
        generatedAt: '2026-11-14T00:00:00Z',
        freshness: freshness(),
        kpis: [kpi(), kpi({ id: 'time_to_data', title: 'Time to data' })],
      },
    );
    expect(csv).toBe(
      'Week of,Domains onboarded,Time to data\r\n2026-11-02,50,\r\n2026-11-09,,',
    );
  });

  it('falls back to KPI ids without KPI definitions', () => {
    const csv = kpiHistoryCsv({
      from: '2026-11-01',
      to: '2026-11-01',
      interval: 'day',
      points: [{ date: '2026-11-01', values: { slo_compliance: 97 } }],
    });
    expect(csv).toBe('Date,slo_compliance\r\n2026-11-01,97');
  });
});

describe('kpiBreakdownCsv', () => {
  it('writes the mesh and each domain with the target, defusing domain titles', () => {
    const csv = kpiBreakdownCsv({
      generatedAt: '2026-11-14T00:00:00Z',
      freshness: freshness(),
      kpis: [
        kpi({
          byDomain: [
            {
              domain: 'domain:default/x',
              title: '=cmd|"/c calc"!A1',
              value: 0,
              meetsTarget: false,
            },
          ],
        }),
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Domain,Domain ref,KPI,Value,Unit,Operator,Target,Meets target',
      'Whole mesh,,Domains onboarded,83.3,percent,>=,80,yes',
      `"'=cmd|""/c calc""!A1",domain:default/x,Domains onboarded,0,percent,>=,80,no`,
    ]);
  });
});
