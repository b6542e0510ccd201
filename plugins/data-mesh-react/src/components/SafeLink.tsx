import { Link } from '@backstage/core-components';
import type { ReactNode } from 'react';
import { safeLinkUrl } from '../lib/safeUrl';

/** Props of {@link SafeLink}. @public */
export interface SafeLinkProps {
  /** The address from the entity or the API: not trusted. */
  url: string | undefined;
  /** What to show; the address itself when absent. */
  children?: ReactNode;
}

/**
 * A link for `http:`, `https:` and `mailto:` addresses and relative
 * references; any other address (`javascript:`, `data:`, ...) is shown as
 * plain text and never becomes a link.
 * @public
 */
export function SafeLink(props: SafeLinkProps) {
  const { url, children } = props;
  const safe = safeLinkUrl(url);
  if (!safe) {
    return (
      <span title="Not linked: only http, https and mailto addresses are">
        {children ?? url}
      </span>
    );
  }
  return <Link to={safe}>{children ?? safe}</Link>;
}
