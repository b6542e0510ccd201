import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  KpiHistoryResponse,
  Kpi,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { KpiTrendChart } from './KpiTrendChart';

/** A chart per KPI over the chosen range. */
export function KpiTrends(props: { history: KpiHistoryResponse; kpis: Kpi[] }) {
  return (
    <Grid container spacing={2}>
      {props.kpis.map(kpi => (
        <Grid item xs={12} md={6} lg={4} key={kpi.id}>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="subtitle1" component="h3">
                {kpi.title}
              </Typography>
              <KpiTrendChart kpi={kpi} points={props.history.points} />
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
