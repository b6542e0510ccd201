import type {
  RollupFigures as Figures,
  RollupTrendPoint,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  ScoreTrend,
  ScoreTrendPoint,
  formatScore,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { FieldList } from './FieldList';

/** A rollup's daily averages as trend points. */
export function rollupTrendPoints(
  trend: RollupTrendPoint[],
): ScoreTrendPoint[] {
  return trend.map(point => ({ label: point.day, score: point.averageScore }));
}

/** Products, average and lowest score, pass/warn/fail counts and top failing rules. */
export function RollupFigures(props: { figures: Figures }) {
  const { figures } = props;
  return (
    <FieldList
      fields={[
        { label: 'Products', value: figures.productCount },
        { label: 'Average score', value: formatScore(figures.averageScore) },
        { label: 'Lowest score', value: formatScore(figures.minimumScore) },
        { label: 'Pass', value: figures.passCount },
        { label: 'Warn', value: figures.warnCount },
        { label: 'Fail', value: figures.failCount },
        {
          label: 'Most violated rules',
          wide: true,
          value: figures.topFailingRules.length
            ? figures.topFailingRules
                .map(rule => `${rule.ruleId} (${rule.count})`)
                .join(', ')
            : undefined,
        },
      ]}
    />
  );
}

/** The figures and, below them, the 30-day trend of the average score. */
export function RollupSummary(props: {
  figures: Figures;
  trend: RollupTrendPoint[];
  trendTitle: string;
}) {
  return (
    <>
      <RollupFigures figures={props.figures} />
      {props.trend.length > 0 && (
        <ScoreTrend
          title={props.trendTitle}
          points={rollupTrendPoints(props.trend)}
          height={180}
        />
      )}
    </>
  );
}
