import Grid from '@material-ui/core/Grid';
import { ScoreHistoryCard } from './ScoreHistoryCard';
import { ScorecardCard } from './ScorecardCard';
import { WaiversCard } from './WaiversCard';

/** The "Governance" tab of a data product: scorecard, history and waivers. */
export function GovernanceContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ScorecardCard />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ScoreHistoryCard />
      </Grid>
      <Grid item xs={12} lg={5}>
        <WaiversCard />
      </Grid>
    </Grid>
  );
}
