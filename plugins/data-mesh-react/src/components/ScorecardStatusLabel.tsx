import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import type { ScorecardStatus } from '@datamesh-backstage/plugin-data-mesh-common';

/** Props of {@link ScorecardStatusLabel}. @public */
export interface ScorecardStatusLabelProps {
  /** The governance status to show. */
  status: ScorecardStatus;
}

const LABELS: Record<ScorecardStatus, string> = {
  pass: 'Pass',
  warn: 'Warn',
  fail: 'Fail',
};

/**
 * A governance status as an icon in the theme's status colour and a word, so
 * that it reads without colour too.
 * @public
 */
export function ScorecardStatusLabel(props: ScorecardStatusLabelProps) {
  const { status } = props;
  // Backstage's status components hide themselves from assistive technology
  // by default; the word is what they should read here.
  const a11y = {
    'aria-hidden': false,
    'aria-label': undefined,
    style: { whiteSpace: 'nowrap' },
  } as const;
  switch (status) {
    case 'pass':
      return <StatusOK {...a11y}>{LABELS.pass}</StatusOK>;
    case 'warn':
      return <StatusWarning {...a11y}>{LABELS.warn}</StatusWarning>;
    case 'fail':
      return <StatusError {...a11y}>{LABELS.fail}</StatusError>;
    default:
      return <span>{String(status)}</span>;
  }
}

/** The word for a governance status. @public */
export function scorecardStatusLabel(status: ScorecardStatus): string {
  return LABELS[status] ?? String(status);
}
