import { Route, Routes } from 'react-router-dom';
import { CampaignDetailsView } from './CampaignDetailsView';
import { CampaignsOverview } from './CampaignsOverview';

/** The campaigns and, below them, each campaign's page. */
export function Campaigns() {
  return (
    <Routes>
      <Route path="/" element={<CampaignsOverview />} />
      <Route path="/:id" element={<CampaignDetailsView />} />
    </Routes>
  );
}
