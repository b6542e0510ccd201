import { Content, Header, Page } from '@backstage/core-components';
import type { ReactNode } from 'react';

/**
 * The page frame of the legacy frontend system, where a plugin page draws its
 * own header. In the new system the app's page layout draws it.
 */
export function LegacyPage(props: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <Page themeId="tool">
      <Header title={props.title} subtitle={props.subtitle} />
      <Content>{props.children}</Content>
    </Page>
  );
}
