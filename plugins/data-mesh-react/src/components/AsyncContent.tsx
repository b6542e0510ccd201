import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import type { ReactNode } from 'react';

/** Props of {@link AsyncContent}. @public */
export interface AsyncContentProps<T> {
  /** Whether a request is under way. */
  loading: boolean;
  /** The request's error, shown with `ResponseErrorPanel`. */
  error?: Error;
  /** The loaded value; kept while the next one loads. */
  value?: T;
  /** Whether a loaded value counts as empty; undefined and null always do. */
  isEmpty?: (value: NonNullable<T>) => boolean;
  /** The empty state's title. */
  emptyTitle: string;
  /** The empty state's explanation: what would fill it. */
  emptyDescription?: string | JSX.Element;
  /** Offered as "Try again" under an error. */
  retry?: () => void;
  /** What a progress bar, if any, is loading; for screen readers. */
  loadingLabel?: string;
  /** Renders the loaded value. */
  children: (value: NonNullable<T>) => ReactNode;
}

/**
 * The loading, error and empty states every data-mesh view shares, around
 * the view of a loaded value. Keeps showing the previous value while a new
 * one loads, so paging and filtering do not flash.
 * @public
 */
export function AsyncContent<T>(props: AsyncContentProps<T>) {
  const { loading, error, value, isEmpty, retry, children } = props;
  if (error) {
    return (
      <>
        <ResponseErrorPanel error={error} />
        {retry && (
          <Button variant="outlined" onClick={retry} style={{ marginTop: 8 }}>
            Try again
          </Button>
        )}
      </>
    );
  }
  if ((value === undefined || value === null) && loading) {
    return (
      <div role="status" aria-label={props.loadingLabel ?? 'Loading'}>
        <Progress />
      </div>
    );
  }
  if (value === undefined || value === null || isEmpty?.(value)) {
    return (
      <EmptyState
        missing="data"
        title={props.emptyTitle}
        description={props.emptyDescription}
      />
    );
  }
  return <>{children(value)}</>;
}
