import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Kpi } from '@datamesh-backstage/plugin-data-mesh-common';
import { MetLabel } from '../product/SloStatusCell';
import { KPI_CATEGORIES, formatKpiTarget, formatKpiValue } from './formatKpi';

function KpiTile(props: { kpi: Kpi }) {
  const { kpi } = props;
  const titleId = `data-mesh-kpi-${kpi.id}`;
  return (
    <Card
      component="article"
      aria-labelledby={titleId}
      variant="outlined"
      style={{ height: '100%' }}
      data-testid={`kpi-tile-${kpi.id}`}
    >
      <CardContent>
        <Typography id={titleId} variant="subtitle1" component="h3">
          {kpi.title}
        </Typography>
        <Typography variant="h4" component="p">
          {formatKpiValue(kpi.value, kpi.unit)}
        </Typography>
        <Typography variant="body2">
          Target {formatKpiTarget(kpi)}
          {kpi.targetLabel && (
            <Typography variant="caption" color="textSecondary">
              {' '}
              ({kpi.targetLabel})
            </Typography>
          )}
        </Typography>
        <MetLabel
          met={kpi.meetsTarget}
          metText="Meets target"
          missedText="Below target"
        />
        <Typography variant="caption" color="textSecondary" component="p">
          {kpi.description}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** Each KPI against its target, grouped by category. */
export function KpiTiles(props: { kpis: Kpi[] }) {
  return (
    <>
      {KPI_CATEGORIES.map(category => {
        const kpis = props.kpis.filter(kpi => kpi.category === category.id);
        if (kpis.length === 0) return null;
        return (
          <section key={category.id} aria-label={`${category.title} KPIs`}>
            <Typography variant="h6" component="h2" gutterBottom>
              {category.title}
            </Typography>
            <Grid container spacing={2} style={{ marginBottom: 16 }}>
              {kpis.map(kpi => (
                <Grid item xs={12} sm={6} md={4} key={kpi.id}>
                  <KpiTile kpi={kpi} />
                </Grid>
              ))}
            </Grid>
          </section>
        );
      })}
    </>
  );
}
