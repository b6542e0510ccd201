import type { EntityLink } from '@backstage/catalog-model';
import type { SourceTracker } from '../loss/SourceTracker';

/** Link type written for a link without one (ODPS requires a type); read back as none. */
export const UNTYPED_LINK = 'link';

/** Link type of the links that come from (and go back to) ODPS `support` channels. */
export const SUPPORT_LINK_TYPE = 'support';

/**
 * ODPS and ODCS `authoritativeDefinitions` (`{ type, url, description }`)
 * and `support` channels (`{ channel, url }`) as entity links (their other
 * fields, such as a channel's `tool`, are reported as losses).
 */
export function readLinks(source: SourceTracker): EntityLink[] {
  const links: EntityLink[] = [];
  for (const i of source.items(['authoritativeDefinitions'])) {
    const url = source.text(['authoritativeDefinitions', i, 'url']);
    if (!url) continue;
    const link: EntityLink = { url };
    const type = source.text(['authoritativeDefinitions', i, 'type']);
    // `link` is what exports write for a link without a type (ODPS requires one).
    if (type && type !== UNTYPED_LINK) link.type = type;
    const title = source.text(['authoritativeDefinitions', i, 'description']);
    if (title) link.title = title;
    links.push(link);
  }
  for (const i of source.items(['support'])) {
    const url = source.text(['support', i, 'url']);
    if (!url) continue;
    const link: EntityLink = { url, type: SUPPORT_LINK_TYPE };
    const title = source.text(['support', i, 'channel']);
    // Exports write the URL as the channel of a link without a title.
    if (title && title !== url) link.title = title;
    links.push(link);
  }
  return links;
}
