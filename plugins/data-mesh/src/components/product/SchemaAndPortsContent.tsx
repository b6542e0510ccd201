import Grid from '@material-ui/core/Grid';
import { PortsCard } from './PortsCard';
import { SchemaCard } from './SchemaCard';

/** The "Schema & ports" tab of a data product: its schema and its ports. */
export function SchemaAndPortsContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SchemaCard />
      </Grid>
      <Grid item xs={12}>
        <PortsCard />
      </Grid>
    </Grid>
  );
}
