import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Freshness } from '@datamesh-backstage/plugin-data-mesh-common';
import { formatDateTime } from '../lib/format';

/** Props of {@link FreshnessNote}. @public */
export interface FreshnessNoteProps {
  freshness: Freshness;
}

/**
 * When the figures on a page were computed (the last complete governance
 * sweep), and a warning with the reason when they may be out of date.
 * @public
 */
export function FreshnessNote(props: FreshnessNoteProps) {
  const { freshness } = props;
  return (
    <>
      {freshness.stale && (
        <WarningPanel
          severity="warning"
          title="These figures may be out of date"
          message={freshness.reason}
        />
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        {freshness.computedAt
          ? `Figures as of the last complete governance sweep, ${formatDateTime(
              freshness.computedAt,
            )}.`
          : 'No governance sweep has completed yet.'}
        {freshness.lastSweep && freshness.lastSweep.outcome !== 'ok'
          ? ` The last sweep, started ${formatDateTime(
              freshness.lastSweep.startedAt,
            )}, did not complete.`
          : ''}
      </Typography>
    </>
  );
}
