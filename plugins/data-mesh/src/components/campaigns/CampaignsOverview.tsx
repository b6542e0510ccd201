import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { usePermission } from '@backstage/plugin-permission-react';
import { dataMeshCampaignCreatePermission } from '@datamesh-backstage/plugin-data-mesh-common';
import { AsyncContent } from '@datamesh-backstage/plugin-data-mesh-react';
import { useState } from 'react';
import { CampaignForm } from './CampaignForm';
import { CampaignsTable } from './CampaignsTable';
import { useCampaignList } from './useCampaigns';

/** Every campaign, and for governance the form starting a new one. */
export function CampaignsOverview() {
  const campaigns = useCampaignList();
  const { allowed } = usePermission({
    permission: dataMeshCampaignCreatePermission,
  });
  const [creating, setCreating] = useState(false);
  return (
    <Grid container spacing={3}>
      {allowed && (
        <Grid item xs={12}>
          {creating ? (
            <CampaignForm
              onCancel={() => setCreating(false)}
              onCreated={() => {
                setCreating(false);
                campaigns.retry();
              }}
            />
          ) : (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setCreating(true)}
            >
              Start a campaign
            </Button>
          )}
        </Grid>
      )}
      <Grid item xs={12}>
        <AsyncContent
          {...campaigns}
          loadingLabel="Loading campaigns"
          isEmpty={value => value.items.length === 0}
          emptyTitle="No campaigns yet"
          emptyDescription="Governance starts a campaign to bring products in a scope to a standard by a deadline."
        >
          {value => <CampaignsTable campaigns={value.items} />}
        </AsyncContent>
      </Grid>
    </Grid>
  );
}
