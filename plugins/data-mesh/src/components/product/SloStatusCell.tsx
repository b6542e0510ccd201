import {
  StatusAborted,
  StatusError,
  StatusOK,
} from '@backstage/core-components';

const a11y = { 'aria-hidden': false, 'aria-label': undefined } as const;

/** Met, missed, or not measured: icon and word. */
export function MetLabel(props: {
  met: boolean | null | undefined;
  metText?: string;
  missedText?: string;
}) {
  if (props.met === true) {
    return <StatusOK {...a11y}>{props.metText ?? 'Met'}</StatusOK>;
  }
  if (props.met === false) {
    return <StatusError {...a11y}>{props.missedText ?? 'Missed'}</StatusError>;
  }
  return <StatusAborted {...a11y}>No data</StatusAborted>;
}

/** A percentage with up to two decimals, or an em dash. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return `${Number(value.toFixed(2))}%`;
}
