import { screen, within } from '@testing-library/react';
import { aComponent, customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { NO_VALUE } from '@datamesh-backstage/plugin-data-mesh-react';
import { DataProductOverviewCard } from './DataProductOverviewCard';

describe('DataProductOverviewCard', () => {
  it('shows type, domain, owner, version, lifecycle and classification', async () => {
    await renderEntityCard(<DataProductOverviewCard />, {
      entity: customer360(),
    });
    const field = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling!;
    expect(field('Type')).toHaveTextContent('aggregate');
    expect(field('Domain')).toHaveTextContent(/customer/i);
    expect(field('Owner')).toHaveTextContent(/customer-domain-team/i);
    expect(field('Version')).toHaveTextContent('2.1.0');
    expect(field('Lifecycle')).toHaveTextContent('production');
    expect(field('Classification')).toHaveTextContent('confidential');
    expect(field('Retention')).toHaveTextContent('7 years');
    expect(
      within(field('Description') as HTMLElement).getByText('view').tagName,
    ).toBe('STRONG');
  });

  it('shows the type, domain and lifecycle an imported product lacks as not set', async () => {
    const entity = customer360() as any;
    entity.metadata.annotations = { 'datamesh.io/source-format': 'dcs' };
    delete entity.spec.type;
    delete entity.spec.domain;
    delete entity.spec.lifecycle;
    await renderEntityCard(<DataProductOverviewCard />, { entity });
    const field = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling!;
    for (const label of ['Type', 'Domain', 'Lifecycle']) {
      expect(field(label).textContent).toBe(NO_VALUE);
    }
    expect(field('Owner')).toHaveTextContent(/customer-domain-team/i);
  });

  it('links http(s) addresses and never javascript: or data: ones', async () => {
    await renderEntityCard(<DataProductOverviewCard />, {
      entity: customer360(),
    });
    const links = screen.getByText('Links', { selector: 'dt' })
      .nextElementSibling as HTMLElement;
    expect(
      within(links).getByRole('link', { name: /Dashboard/ }),
    ).toHaveAttribute('href', 'https://dash.example.com/c360');
    expect(within(links).getAllByRole('link')).toHaveLength(1);
    expect(within(links).getByText('Evil link').closest('a')).toBeNull();
    expect(within(links).getByText('Data link').closest('a')).toBeNull();
  });

  it('renders the description as sanitised markdown', async () => {
    const entity = customer360();
    entity.metadata.description =
      'Safe text <script>window.hacked = 1</script><img src="https://x.example.com/a.png" onerror="window.hacked = 1"> [x](javascript:alert(1))';
    const { container } = await renderEntityCard(<DataProductOverviewCard />, {
      entity,
    });
    expect(screen.getByText(/Safe text/)).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img[onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
    expect((window as any).hacked).toBeUndefined();
  });

  it('explains itself on an entity that is not a data product', async () => {
    await renderEntityCard(<DataProductOverviewCard />, { entity: aComponent });
    expect(screen.getByText(/Not a data product/)).toBeInTheDocument();
  });
});
