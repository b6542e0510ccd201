import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '../lib/format';

/** One point of a score trend. @public */
export interface ScoreTrendPoint {
  /** The x-axis label, for example a day `2026-11-20`. */
  label: string;
  /** The score (0–100), or null where there is none. */
  score: number | null;
}

/** Props of {@link ScoreTrend}. @public */
export interface ScoreTrendProps {
  /** The points, oldest first. */
  points: ScoreTrendPoint[];
  /** What the trend shows, for screen readers, e.g. `Average score of Customer`. */
  title: string;
  /** `sparkline`: a small line without axes for tables; `chart`: axes and tooltip. */
  variant?: 'sparkline' | 'chart';
  /** Height in pixels; 32 for sparklines, 220 for charts by default. */
  height?: number;
}

/**
 * A sentence describing a trend by its first and last values, for people who
 * cannot see the chart.
 * @public
 */
export function describeTrend(
  title: string,
  points: ScoreTrendPoint[],
  format: (value: number | null) => string = formatScore,
): string {
  const values = points.filter(p => p.score !== null);
  if (values.length === 0) {
    return `${title}: no data`;
  }
  const first = values[0];
  const last = values[values.length - 1];
  return values.length === 1
    ? `${title}: ${format(last.score)} on ${last.label}`
    : `${title}: ${format(first.score)} on ${first.label}, ${format(
        last.score,
      )} on ${last.label}`;
}

/**
 * A score over time (0–100) drawn with recharts: a sparkline for table rows
 * or a chart with axes. The drawing is an image to assistive technology,
 * labelled with the first and last values.
 * @public
 */
export function ScoreTrend(props: ScoreTrendProps) {
  const { points, title, variant = 'chart' } = props;
  const theme = useTheme();
  const color = theme.palette.primary.main;
  const label = describeTrend(title, points);
  if (variant === 'sparkline') {
    const height = props.height ?? 32;
    return (
      <div role="img" aria-label={label} title={label}>
        <LineChart width={120} height={height} data={points}>
          <YAxis hide domain={[0, 100]} />
          <Line
            type="monotone"
            dataKey="score"
            stroke={color}
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </div>
    );
  }
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={props.height ?? 220}>
        <LineChart data={points} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" minTickGap={24} />
          <YAxis domain={[0, 100]} width={40} />
          <Tooltip formatter={value => formatScore(Number(value))} />
          <Line
            type="stepAfter"
            dataKey="score"
            name="Score"
            stroke={color}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
