import { MarkdownContent } from '@backstage/core-components';
import { absoluteWebUrl, safeLinkUrl } from '../lib/safeUrl';

/** Props of {@link SafeMarkdown}. @public */
export interface SafeMarkdownProps {
  /** Markdown from the entity: not trusted. */
  content: string;
  /** Class of the rendered block. */
  className?: string;
}

// An empty href makes MarkdownContent render the link's text without a link.
const linkUri = (href: string) => safeLinkUrl(href) ?? '';
const imageUri = (src: string) => absoluteWebUrl(src) ?? '';

/**
 * Renders untrusted markdown: Backstage's `MarkdownContent` (GitHub-flavoured,
 * raw HTML passed through rehype-sanitize, so no scripts or event handler
 * attributes), and links only for `http:`, `https:`, `mailto:` and relative
 * addresses, images only from `http:` and `https:`.
 * @public
 */
export function SafeMarkdown(props: SafeMarkdownProps) {
  return (
    <MarkdownContent
      content={props.content}
      className={props.className}
      dialect="gfm"
      transformLinkUri={linkUri}
      transformImageUri={imageUri}
    />
  );
}
