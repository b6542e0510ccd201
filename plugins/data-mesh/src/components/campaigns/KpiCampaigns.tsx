import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { AsyncContent } from '@datamesh-backstage/plugin-data-mesh-react';
import { dataMeshTranslationRef } from '../../translation';
import { SectionCard } from '../shared/SectionCard';
import { atRiskExplanation } from './CampaignHealthChip';
import { CampaignsTable } from './CampaignsTable';
import { useCampaignList } from './useCampaigns';

/** Campaigns on the leadership dashboard: on track, at risk, met or missed. */
export function KpiCampaigns() {
  const { t } = useTranslationRef(dataMeshTranslationRef);
  const campaigns = useCampaignList();
  return (
    <SectionCard title={t('pages.kpis.campaigns')}>
      <AsyncContent
        {...campaigns}
        loadingLabel="Loading campaigns"
        isEmpty={value => value.items.length === 0}
        emptyTitle="No campaigns yet"
      >
        {value => (
          <>
            <Typography variant="body2" color="textSecondary" paragraph>
              {atRiskExplanation(value.atRiskMargin)}
            </Typography>
            <CampaignsTable title="" campaigns={value.items} />
          </>
        )}
      </AsyncContent>
    </SectionCard>
  );
}
