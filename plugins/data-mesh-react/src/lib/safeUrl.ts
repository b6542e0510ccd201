import type { Entity } from '@backstage/catalog-model';

/** Schemes rendered as links; anything else (javascript:, data:, vbscript:, file:, ...) is text. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);
/** Resolves relative references without treating them as a real location. */
const PLACEHOLDER_BASE = 'https://relative.invalid/';

function parse(url: unknown): { text: string; url: URL } | undefined {
  if (typeof url !== 'string') {
    return undefined;
  }
  const text = url.trim();
  if (!text) {
    return undefined;
  }
  try {
    // The WHATWG parser strips tabs and newlines (`java\tscript:`) and
    // lower-cases the scheme, as the browser would before following it.
    return { text, url: new URL(text, PLACEHOLDER_BASE) };
  } catch {
    return undefined;
  }
}

/**
 * Returns the URL when it may be rendered as a link: `http:`, `https:` and
 * `mailto:` URLs and relative references. Returns undefined for every other
 * scheme (`javascript:`, `data:`, `vbscript:`, ...) and for non-strings.
 * @public
 */
export function safeLinkUrl(url: unknown): string | undefined {
  const parsed = parse(url);
  return parsed && LINK_PROTOCOLS.has(parsed.url.protocol)
    ? parsed.text
    : undefined;
}

/**
 * Returns the URL when it is an absolute `http:` or `https:` URL with its
 * scheme written out, else undefined. For addresses that only make sense outside the portal, such as
 * a port's endpoint.
 * @public
 */
export function absoluteWebUrl(url: unknown): string | undefined {
  const parsed = parse(url);
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(parsed?.text ?? '');
  return parsed && hasScheme && WEB_PROTOCOLS.has(parsed.url.protocol)
    ? parsed.text
    : undefined;
}

const SOURCE_LOCATION = 'backstage.io/source-location';

/**
 * Where a port's contract can be opened: an absolute web URL as is, a
 * relative path resolved against the entity's `backstage.io/source-location`
 * when that is a web URL; otherwise undefined (show the path as text).
 * @public
 */
export function contractUrl(
  contract: string | undefined,
  entity?: Entity,
): string | undefined {
  const absolute = absoluteWebUrl(contract);
  if (absolute || !contract) {
    return absolute;
  }
  const source = entity?.metadata.annotations?.[SOURCE_LOCATION];
  const base = absoluteWebUrl(source?.replace(/^url:/, ''));
  if (!base || parse(contract)?.url.hostname !== 'relative.invalid') {
    return undefined;
  }
  const resolved = new URL(
    contract.trim().replace(/^\.?\//, ''),
    base.endsWith('/') ? base : `${base}/`,
  );
  return WEB_PROTOCOLS.has(resolved.protocol) ? resolved.href : undefined;
}
