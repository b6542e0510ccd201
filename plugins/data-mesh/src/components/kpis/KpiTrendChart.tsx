import { useTheme } from '@material-ui/core/styles';
import type {
  Kpi,
  KpiHistoryPoint,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { describeTrend } from '@datamesh-backstage/plugin-data-mesh-react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatKpiTarget, formatKpiValue } from './formatKpi';

/** One KPI over time, with its target as a dashed line (recharts). */
export function KpiTrendChart(props: {
  kpi: Kpi;
  points: KpiHistoryPoint[];
  height?: number;
}) {
  const { kpi } = props;
  const theme = useTheme();
  const data = props.points.map(point => ({
    date: point.date,
    value: point.values[kpi.id] ?? null,
  }));
  const format = (value: number | null) => formatKpiValue(value, kpi.unit);
  const label = `${describeTrend(
    kpi.title,
    data.map(d => ({ label: d.date, score: d.value })),
    format,
  )}; target ${formatKpiTarget(kpi)}`;
  return (
    <div role="img" aria-label={label} data-testid={`kpi-chart-${kpi.id}`}>
      <ResponsiveContainer width="100%" height={props.height ?? 180}>
        <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" minTickGap={24} />
          <YAxis width={48} />
          <Tooltip formatter={value => format(Number(value))} />
          <ReferenceLine
            y={kpi.target}
            stroke={theme.palette.text.secondary}
            strokeDasharray="6 4"
            label={{ value: 'target', position: 'insideTopRight' }}
            ifOverflow="extendDomain"
          />
          <Line
            type="monotone"
            dataKey="value"
            name={kpi.title}
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={data.length < 40}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
