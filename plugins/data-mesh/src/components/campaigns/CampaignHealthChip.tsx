import Chip from '@material-ui/core/Chip';
import type { CampaignHealth } from '@datamesh-backstage/plugin-data-mesh-common';

const LABELS: Record<CampaignHealth, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  met: 'Met',
  missed: 'Missed',
};

const COLORS: Record<CampaignHealth, 'primary' | 'secondary' | 'default'> = {
  'on-track': 'primary',
  'at-risk': 'secondary',
  met: 'primary',
  missed: 'secondary',
};

/** A campaign's health as a chip: on track, at risk, met or missed. */
export function CampaignHealthChip(props: { health: CampaignHealth }) {
  return (
    <Chip
      size="small"
      label={LABELS[props.health]}
      color={COLORS[props.health]}
      variant={
        props.health === 'on-track' || props.health === 'met'
          ? 'outlined'
          : 'default'
      }
    />
  );
}

/** A share (0 to 1) as a whole percentage. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What "at risk" means, for the pages that show it. */
export const atRiskExplanation = (margin: number) =>
  `An open campaign is at risk when its share of products done is more than ${Math.round(
    margin * 100,
  )} percentage points below the ideal line for the day: a straight line from the share done when it started to the target on the deadline.`;
