import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type {
  Kpi,
  KpiDomainValue,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { RowHeader } from '../shared/tableParts';
import { formatKpiTarget, formatKpiValue } from './formatKpi';

function Cell(props: { kpi: Kpi; entry?: KpiDomainValue }) {
  const { kpi, entry } = props;
  if (!entry) {
    return <TableCell>—</TableCell>;
  }
  let marker = '';
  let meaning = 'no data';
  if (entry.meetsTarget === true) {
    marker = ' ✓';
    meaning = 'meets target';
  } else if (entry.meetsTarget === false) {
    marker = ' ✗';
    meaning = 'below target';
  }
  return (
    <TableCell title={`${kpi.title}: ${meaning} (${formatKpiTarget(kpi)})`}>
      {formatKpiValue(entry.value, kpi.unit)}
      <span aria-hidden>{marker}</span>
      <span style={{ position: 'absolute', left: -10000 }}>, {meaning}</span>
    </TableCell>
  );
}

/** Every KPI that has per-domain values, domain by domain. */
export function KpiDomainTable(props: { kpis: Kpi[] }) {
  const kpis = props.kpis.filter(kpi => kpi.byDomain.length > 0);
  const domains = new Map<string, string>();
  for (const kpi of kpis) {
    for (const entry of kpi.byDomain) {
      domains.set(entry.domain, entry.title ?? entry.domain);
    }
  }
  const rows = [...domains].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="KPIs by domain">
        <TableHead>
          <TableRow>
            <TableCell scope="col">Domain</TableCell>
            {kpis.map(kpi => (
              <TableCell scope="col" key={kpi.id}>
                {kpi.title}
                <br />
                <small>target {formatKpiTarget(kpi)}</small>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(([domain, title]) => (
            <TableRow key={domain}>
              <RowHeader nowrap>{title}</RowHeader>
              {kpis.map(kpi => (
                <Cell
                  key={kpi.id}
                  kpi={kpi}
                  entry={kpi.byDomain.find(e => e.domain === domain)}
                />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
