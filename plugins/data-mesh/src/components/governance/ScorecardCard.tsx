import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import {
  AsyncContent,
  ScoreTrend,
  useScorecard,
  useScorecardHistory,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { DataProductCard } from '../product/DataProductCard';
import { dataMeshTranslationRef } from '../../translation';
import { ScoreSummary } from './ScoreSummary';
import { ScorecardWaivers } from './ScorecardWaivers';
import { UpcomingRules } from './UpcomingRules';
import { ViolationsTable } from './ViolationsTable';
import { historyPoints } from './historyPoints';

function ScoreHistoryTrend(props: { entityRef: string }) {
  const history = useScorecardHistory(props.entityRef);
  if (history.error) {
    return (
      <Typography variant="body2" color="error">
        The score history could not be loaded: {history.error.message}
      </Typography>
    );
  }
  if (!history.value?.length) {
    return null;
  }
  return (
    <ScoreTrend
      title="Governance score over time"
      points={historyPoints(history.value)}
      height={160}
    />
  );
}

function ScorecardContent(props: { entityRef: string }) {
  const scorecard = useScorecard(props.entityRef);
  // A decision on a waiver re-scores the product: reload the card and trend.
  const [version, setVersion] = useState(0);
  const { retry } = scorecard;
  const reload = useCallback(() => {
    retry();
    setVersion(v => v + 1);
  }, [retry]);
  return (
    <AsyncContent
      {...scorecard}
      loadingLabel="Loading the scorecard"
      emptyTitle="Not scored yet"
      emptyDescription="The governance sweep scores every data product; this one has no result yet."
    >
      {value => (
        <>
          <ScoreSummary scorecard={value} />
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 16 }}
          >
            Trend
          </Typography>
          <ScoreHistoryTrend key={version} entityRef={props.entityRef} />
          <Typography
            variant="subtitle2"
            component="h3"
            style={{ marginTop: 16 }}
          >
            Violations
          </Typography>
          {value.violations.length ? (
            <ViolationsTable violations={value.violations} />
          ) : (
            <Typography variant="body2">
              None: the product meets every policy that applies to it.
            </Typography>
          )}
          {value.upcoming?.length ? (
            <>
              <Typography
                variant="subtitle2"
                component="h3"
                style={{ marginTop: 16 }}
              >
                Upcoming rules (not scored)
              </Typography>
              <UpcomingRules rules={value.upcoming} />
            </>
          ) : null}
          {value.waivers?.length ? (
            <>
              <Typography
                variant="subtitle2"
                component="h3"
                style={{ marginTop: 16 }}
              >
                Waivers
              </Typography>
              <ScorecardWaivers
                entityRef={props.entityRef}
                waivers={value.waivers}
                onDecided={reload}
              />
            </>
          ) : null}
        </>
      )}
    </AsyncContent>
  );
}

/**
 * The product's governance scorecard: score, status, violations with their
 * remediation (waived ones marked, with the waiver), the score's trend, the
 * rules that are not scored yet or any more (upcoming), and
 * every waiver with whether it counts; approvers decide pending ones here.
 */
export function ScorecardCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.scorecard.title')}>
      {({ entityRef }) => <ScorecardContent entityRef={entityRef} />}
    </DataProductCard>
  );
}
