import type {
  KpiHistoryResponse,
  KpisResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import Papa from 'papaparse';

type Cell = string | number | null | undefined;

/**
 * Cells a spreadsheet would run as a formula begin with one of these (OWASP
 * CSV injection); papaparse prefixes such text cells with `'`. Numbers are
 * written as numbers, so negative values stay numeric.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 CSV (CRLF line ends, quotes where needed) with formulas defused. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return Papa.unparse(
    { fields: header, data: rows.map(row => row.map(cell => cell ?? '')) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}

/** KPI values over time: one row per date, one column per KPI. */
export function kpiHistoryCsv(
  history: KpiHistoryResponse,
  kpis?: KpisResponse,
): string {
  const ids = kpis?.kpis.map(kpi => kpi.id) ?? [
    ...new Set(history.points.flatMap(point => Object.keys(point.values))),
  ];
  const titles = ids.map(
    id => kpis?.kpis.find(kpi => kpi.id === id)?.title ?? id,
  );
  return toCsv(
    [history.interval === 'week' ? 'Week of' : 'Date', ...titles],
    history.points.map(point => [
      point.date,
      ...ids.map(id => point.values[id as keyof typeof point.values]),
    ]),
  );
}

/** Every KPI in every domain: one row per domain and KPI, with the target. */
export function kpiBreakdownCsv(kpis: KpisResponse): string {
  const rows: Cell[][] = [];
  for (const kpi of kpis.kpis) {
    rows.push([
      'Whole mesh',
      '',
      kpi.title,
      kpi.value,
      kpi.unit,
      kpi.targetOperator === 'lt' ? '<' : '>=',
      kpi.target,
      meets(kpi.meetsTarget),
    ]);
    for (const entry of kpi.byDomain) {
      rows.push([
        entry.title ?? entry.domain,
        entry.domain,
        kpi.title,
        entry.value,
        kpi.unit,
        kpi.targetOperator === 'lt' ? '<' : '>=',
        kpi.target,
        meets(entry.meetsTarget),
      ]);
    }
  }
  return toCsv(
    [
      'Domain',
      'Domain ref',
      'KPI',
      'Value',
      'Unit',
      'Operator',
      'Target',
      'Meets target',
    ],
    rows,
  );
}

function meets(value: boolean | null): string {
  if (value === null) return 'no data';
  return value ? 'yes' : 'no';
}

/** Saves text as a CSV file through the browser's download. */
export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(
    new Blob([csv], { type: 'text/csv;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
