import { InfoCard } from '@backstage/core-components';
import type { ComponentProps } from 'react';

const HEADING = { component: 'h2' };

/**
 * Backstage's `InfoCard` with its title as a level-2 heading, so that screen
 * reader users can move between the cards of a page by heading.
 */
export function SectionCard(props: ComponentProps<typeof InfoCard>) {
  return <InfoCard titleTypographyProps={HEADING} {...props} />;
}
