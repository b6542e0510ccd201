import Grid from '@material-ui/core/Grid';
import { ScoreHistoryCard } from './ScoreHistoryCard';
import { ScorecardCard } from './ScorecardCard';

/**
 * The "Governance" tab of a data product: the scorecard (with its waivers)
 * and every change of the result.
 */
export function GovernanceContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ScorecardCard />
      </Grid>
      <Grid item xs={12}>
        <ScoreHistoryCard />
      </Grid>
    </Grid>
  );
}
