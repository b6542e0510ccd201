import type { KpisResponse } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  useKpiHistory,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { SectionCard } from '../shared/SectionCard';
import { CsvButton } from './CsvButton';
import { DateRangeControls } from './DateRangeControls';
import { KpiTrends } from './KpiTrends';
import { kpiHistoryCsv } from './kpiCsv';
import { useDateRange } from './useDateRange';

/** KPI trends over the date range in the URL, with their CSV export. */
export function KpiTrendsSection(props: { kpis?: KpisResponse }) {
  const [range, setRange] = useDateRange();
  const history = useKpiHistory(range);
  const kpis = props.kpis?.kpis ?? [];
  const restricted = history.value?.restricted;
  const value = history.value;
  return (
    <SectionCard
      title="Trends"
      action={
        <CsvButton
          label="Download trends (CSV)"
          filename={`data-mesh-kpis-${range.from}-to-${range.to}-by-${range.interval}.csv`}
          csv={value && (() => kpiHistoryCsv(value, props.kpis))}
        />
      }
    >
      <DateRangeControls range={range} onChange={setRange} />
      <div style={{ marginTop: 16 }}>
        <AsyncContent
          {...history}
          loadingLabel="Loading KPI trends"
          isEmpty={v => v.points.length === 0 || kpis.length === 0}
          emptyTitle={
            restricted
              ? 'KPI history is shown to people who may see every product'
              : 'No KPI history in this range'
          }
          emptyDescription={
            restricted
              ? 'The daily snapshots cover the whole mesh, including products you may not see.'
              : 'The backend records the KPIs once a day; pick a range that includes recorded days.'
          }
        >
          {v => <KpiTrends history={v} kpis={kpis} />}
        </AsyncContent>
      </div>
    </SectionCard>
  );
}
