import { Gauge, WarningPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Scorecard } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  ScorecardStatusLabel,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';

/** The score as a gauge, the status, the counts and when it was scored. */
export function ScoreSummary(props: { scorecard: Scorecard }) {
  const { scorecard } = props;
  const scored = scorecard.violations.filter(v => !v.waived);
  const errors = scored.filter(v => v.severity === 'error').length;
  const warnings = scored.filter(v => v.severity === 'warning').length;
  const waived = scorecard.violations.length - scored.length;
  return (
    <>
      {scorecard.stale && (
        <WarningPanel
          title="This result may be out of date"
          message={
            scorecard.staleReason ??
            'The last governance sweep could not read the catalog.'
          }
        />
      )}
      {scorecard.pendingReferences && (
        <WarningPanel
          severity="info"
          title="Waiting for the catalog"
          message={`Not in the catalog yet, so not judged until ${formatDateTime(
            scorecard.pendingUntil,
          )}: ${scorecard.pendingReferences
            .map(p => `${p.ref} (${p.path})`)
            .join(', ')}`}
        />
      )}
      <Grid container spacing={2} alignItems="center">
        <Grid item xs={4} sm={3}>
          <div
            role="img"
            aria-label={`Governance score ${scorecard.score} out of 100`}
            style={{ maxWidth: 140 }}
          >
            <Gauge value={scorecard.score / 100} size="small" />
          </div>
        </Grid>
        <Grid item xs={8} sm={9}>
          <Typography variant="h5" component="p">
            Score {scorecard.score} / 100
          </Typography>
          <ScorecardStatusLabel status={scorecard.status} />
          <Typography variant="body2">
            {errors} errors · {warnings} warnings · {waived} waived
          </Typography>
          <Typography variant="caption" color="textSecondary">
            Evaluated {formatDateTime(scorecard.evaluatedAt)} with policy{' '}
            {scorecard.policyVersion}
          </Typography>
        </Grid>
      </Grid>
    </>
  );
}
