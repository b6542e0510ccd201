import { DomainScorecards } from '../domains/DomainScorecards';
import { LegacyPage } from './LegacyPage';

/** The domain scorecards as a page of the legacy frontend system. */
export function DomainScorecardsPage() {
  return (
    <LegacyPage
      title="Domain scorecards"
      subtitle="Governance scores of every domain and its data products"
    >
      <DomainScorecards />
    </LegacyPage>
  );
}
