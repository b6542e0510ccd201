import {
  EmptyState,
  Link,
  ResponseErrorPanel,
  Progress,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { ProductCampaign } from '@datamesh-backstage/plugin-data-mesh-common';
import { campaignRouteRef } from '../../routes';
import { dataMeshTranslationRef } from '../../translation';
import { DataProductCard } from '../product/DataProductCard';
import { CampaignHealthChip } from './CampaignHealthChip';
import { useProductCampaigns } from './useCampaigns';

function CampaignItem(props: { campaign: ProductCampaign }) {
  const { campaign } = props;
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const campaignLink = useRouteRef(campaignRouteRef);
  const needs = [
    campaign.failingRules.length
      ? t('cards.campaigns.mustFix', {
          rules: campaign.failingRules.join(', '),
        })
      : '',
    campaign.minScore !== undefined && campaign.score < campaign.minScore
      ? t('cards.campaigns.mustScore', {
          minScore: String(campaign.minScore),
          score: String(campaign.score),
        })
      : '',
  ].filter(Boolean);
  const name = campaignLink ? (
    <Link to={campaignLink({ id: campaign.id })}>{campaign.name}</Link>
  ) : (
    campaign.name
  );
  return (
    <ListItem disableGutters>
      <ListItemText
        primary={
          <>
            {name} <CampaignHealthChip health={campaign.health} />
          </>
        }
        secondary={`${
          campaign.done ? t('cards.campaigns.done') : needs.join('; ')
        } ${t('cards.campaigns.deadline', { deadline: campaign.deadline })}`}
      />
    </ListItem>
  );
}

function Campaigns(props: { entityRef: string }) {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const { loading, error, value } = useProductCampaigns(props.entityRef);
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading && !value) return <Progress />;
  if (!value?.items.length) {
    return (
      <EmptyState missing="data" title={t('cards.campaigns.emptyTitle')} />
    );
  }
  return (
    <List dense>
      {value.items.map(campaign => (
        <CampaignItem key={campaign.id} campaign={campaign} />
      ))}
    </List>
  );
}

/** The open campaigns concerning a product: what it must fix, and by when. */
export function ProductCampaignsCard() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  return (
    <DataProductCard title={t('cards.campaigns.title')}>
      {({ entityRef }) => <Campaigns entityRef={entityRef} />}
    </DataProductCard>
  );
}
