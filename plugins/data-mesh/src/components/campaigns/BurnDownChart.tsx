import { useTheme } from '@material-ui/core/styles';
import type { CampaignBurnDownPoint } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** What the chart says, for screen readers (and tests). */
export function describeBurnDown(points: CampaignBurnDownPoint[]): string {
  if (points.length === 0) {
    return 'Burn-down: no day recorded yet';
  }
  const last = points[points.length - 1];
  return `Burn-down over ${points.length} day(s): ${last.remaining} product(s) remaining on ${last.day}, against ${last.idealRemaining} on the ideal line`;
}

/** Products remaining each day against the ideal line (recharts). */
export function BurnDownChart(props: {
  points: CampaignBurnDownPoint[];
  height?: number;
}) {
  const theme = useTheme();
  return (
    <div
      role="img"
      aria-label={describeBurnDown(props.points)}
      data-testid="campaign-burn-down"
    >
      <ResponsiveContainer width="100%" height={props.height ?? 240}>
        <LineChart data={props.points} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" minTickGap={24} />
          <YAxis width={48} allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Line
            type="linear"
            dataKey="idealRemaining"
            name="Ideal"
            stroke={theme.palette.text.secondary}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="remaining"
            name="Remaining"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={props.points.length < 40}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
