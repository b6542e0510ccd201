/* eslint-disable no-script-url -- checks that script URLs are not linked */
import { screen, within } from '@testing-library/react';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { PortsCard } from './PortsCard';

describe('PortsCard', () => {
  it('lists output and input ports with type, format, location and contract', async () => {
    await renderEntityCard(<PortsCard />, { entity: customer360() });
    const outputs = screen.getByRole('table', { name: 'Output ports' });
    const table = within(outputs).getByRole('rowheader', {
      name: 'customer-360-table',
    }).parentElement!;
    expect(table).toHaveTextContent('snowflake');
    expect(table).toHaveTextContent('iceberg');
    expect(table).toHaveTextContent('customer_domain.gold.customer_360');
    expect(table).toHaveTextContent('oauth2');
    // A repository path without a web source location stays text.
    expect(
      within(table).getByText('contracts/customer-360-table.yaml').closest('a'),
    ).toBeNull();
    const api = within(outputs).getByRole('rowheader', {
      name: 'customer-360-api',
    }).parentElement!;
    expect(
      within(api).getByRole('link', { name: /c360.openapi.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://contracts.example.com/c360.openapi.yaml',
    );
    // A relative endpoint is an address on the product's API host: text.
    expect(
      within(api).getByText('/api/v2/customers/{customer_id}/360').closest('a'),
    ).toBeNull();

    const inputs = screen.getByRole('table', { name: 'Input ports' });
    const row = within(inputs).getByRole('rowheader', {
      name: 'customer-transactions',
    }).parentElement!;
    expect(row).toHaveTextContent('kafka');
    expect(row).toHaveTextContent('orders-topic');
    expect(
      within(row).getByRole('link', { name: /order-events/ }),
    ).toBeVisible();
  });

  it('links repository contracts through the source location, never script URLs', async () => {
    const entity = customer360();
    entity.metadata.annotations = {
      'backstage.io/source-location':
        'url:https://github.com/acme/customer-360/tree/main/',
    };
    entity.spec.outputPorts![1].contract = 'javascript:alert(1)';
    entity.spec.outputPorts![1].endpoint = 'data:text/html,<b>x</b>';
    await renderEntityCard(<PortsCard />, { entity });
    expect(
      screen.getByRole('link', { name: /contracts\/customer-360-table.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/customer-360/tree/main/contracts/customer-360-table.yaml',
    );
    expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(screen.getByText('data:text/html,<b>x</b>').closest('a')).toBeNull();
  });

  it('shows an empty state without ports', async () => {
    const entity = customer360();
    delete entity.spec.inputPorts;
    delete entity.spec.outputPorts;
    await renderEntityCard(<PortsCard />, { entity });
    expect(screen.getByText('No ports declared')).toBeInTheDocument();
  });
});
