/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SafeLink } from './SafeLink';

describe('SafeLink', () => {
  it('links http(s) and mailto addresses', async () => {
    await renderInTestApp(
      <>
        <SafeLink url="https://acme.slack.com/x">Slack</SafeLink>
        <SafeLink url="mailto:team@example.com" />
      </>,
    );
    expect(screen.getByRole('link', { name: /Slack/ })).toHaveAttribute(
      'href',
      'https://acme.slack.com/x',
    );
    expect(
      screen.getByRole('link', { name: /mailto:team@example.com/ }),
    ).toBeInTheDocument();
  });

  it('shows javascript:, data: and vbscript: addresses as text', async () => {
    await renderInTestApp(
      <>
        <SafeLink url="javascript:alert(1)">Evil</SafeLink>
        <SafeLink url="data:text/html,<b>x</b>" />
        <SafeLink url="vbscript:msgbox(1)">VB</SafeLink>
      </>,
    );
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByText('Evil')).toBeInTheDocument();
    expect(screen.getByText('data:text/html,<b>x</b>')).toBeInTheDocument();
    expect(screen.getByText('VB')).toBeInTheDocument();
  });
});
