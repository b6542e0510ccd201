import { Route, Routes } from 'react-router-dom';
import { DomainDetails } from './DomainDetails';
import { DomainsOverview } from './DomainsOverview';

/** The domain scorecards and, below them, each domain's drill-down. */
export function DomainScorecards() {
  return (
    <Routes>
      <Route path="/" element={<DomainsOverview />} />
      <Route path="/:namespace/:name" element={<DomainDetails />} />
    </Routes>
  );
}
