import { screen, within } from '@testing-library/react';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { SchemaCard } from './SchemaCard';

describe('SchemaCard', () => {
  it('lists the fields with PII marked', async () => {
    await renderEntityCard(<SchemaCard />, { entity: customer360() });
    const table = screen.getByRole('table', { name: 'Schema fields' });
    expect(
      within(table).getByText(
        '4 fields, 2 holding personally identifiable information (PII)',
      ),
    ).toBeInTheDocument();
    const row = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(row('email')).getByText('PII')).toBeInTheDocument();
    expect(within(row('phone')).getByText('PII')).toBeInTheDocument();
    expect(within(row('customer_id')).queryByText('PII')).toBeNull();
    expect(row('acquisition_channel')).toHaveTextContent(
      'organic, paid_search',
    );
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Field',
      'Type',
      'Required',
      'PII',
      'Description',
      'Allowed values',
    ]);
  });

  it('shows an empty state without a schema', async () => {
    const entity = customer360();
    delete entity.spec.schema;
    await renderEntityCard(<SchemaCard />, { entity });
    expect(screen.getByText('No schema declared')).toBeInTheDocument();
  });
});
