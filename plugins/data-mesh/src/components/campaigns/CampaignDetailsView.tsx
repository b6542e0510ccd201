import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CampaignDetails,
  dataMeshCampaignUpdatePermission,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  AsyncContent,
  dataMeshApiRef,
  formatDateTime,
} from '@datamesh-backstage/plugin-data-mesh-react';
import { useParams } from 'react-router-dom';
import { SectionCard } from '../shared/SectionCard';
import { BurnDownChart } from './BurnDownChart';
import {
  atRiskExplanation,
  CampaignHealthChip,
  percent,
} from './CampaignHealthChip';
import { DomainProgressTable } from './DomainProgressTable';
import { FailingProductsTable } from './FailingProductsTable';
import { useCampaign } from './useCampaigns';

/** What a campaign asks of products, in words. */
export function describeStandard(campaign: CampaignDetails['campaign']) {
  const parts = [
    campaign.ruleIds.length ? `pass ${campaign.ruleIds.join(', ')}` : '',
    campaign.minScore !== undefined
      ? `score at least ${campaign.minScore}`
      : '',
  ].filter(Boolean);
  const scope = [
    campaign.scope.domains?.join(', '),
    campaign.scope.types?.join(', '),
    campaign.scope.lifecycles?.join(', '),
  ].filter(Boolean);
  return `Products ${
    scope.length ? `(${scope.join('; ')}) ` : ''
  }must ${parts.join(' and ')}.`;
}

/** One campaign: its figures, burn-down, progress per domain and failing products. */
export function CampaignDetailsView() {
  const { id = '' } = useParams();
  const details = useCampaign(id);
  const api = useApi(dataMeshApiRef);
  const { allowed: mayClose } = usePermission({
    permission: dataMeshCampaignUpdatePermission,
  });
  return (
    <AsyncContent
      {...details}
      loadingLabel="Loading the campaign"
      emptyTitle="No such campaign"
    >
      {({ campaign, domains, burnDown, restricted, atRiskMargin }) => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <SectionCard
              title={campaign.name}
              action={<CampaignHealthChip health={campaign.health} />}
            >
              <Typography paragraph>{describeStandard(campaign)}</Typography>
              <Typography paragraph>
                {percent(campaign.share)} done ({campaign.done} of{' '}
                {campaign.total}), target {percent(campaign.targetShare)} by{' '}
                {campaign.deadline}.
                {campaign.closedAt &&
                  ` Closed ${campaign.status} on ${formatDateTime(
                    campaign.closedAt,
                  )}${
                    campaign.finalShare !== undefined
                      ? ` at ${percent(campaign.finalShare)}`
                      : ''
                  }.`}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {atRiskExplanation(atRiskMargin)}
              </Typography>
              {mayClose && campaign.status === 'open' && (
                <Button
                  variant="outlined"
                  style={{ marginTop: 8 }}
                  onClick={async () => {
                    await api.closeCampaign(campaign.id);
                    details.retry();
                  }}
                >
                  Close now
                </Button>
              )}
            </SectionCard>
          </Grid>
          <Grid item xs={12} md={7}>
            <SectionCard title="Burn-down">
              {restricted ? (
                <Typography variant="body2" color="textSecondary">
                  The daily series covers every product in scope; it is shown to
                  those who may read all of them.
                </Typography>
              ) : (
                <BurnDownChart points={burnDown} />
              )}
            </SectionCard>
          </Grid>
          <Grid item xs={12} md={5}>
            <DomainProgressTable domains={domains} />
          </Grid>
          <Grid item xs={12}>
            <FailingProductsTable
              campaignId={campaign.id}
              open={campaign.status === 'open'}
            />
          </Grid>
        </Grid>
      )}
    </AsyncContent>
  );
}
