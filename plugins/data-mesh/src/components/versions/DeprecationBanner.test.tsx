import type { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { aComponent, customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { DeprecatedInputsCard } from './DeprecatedInputsCard';
import { DeprecationBanner } from './DeprecationBanner';

const deprecated = (sunset: string) => {
  const product = customer360();
  product.spec.deprecation = {
    sunset,
    successor: 'customer-360-v2',
    reason: 'Replaced by the event-sourced view',
  };
  return product;
};

describe('DeprecationBanner', () => {
  it('tells consumers the sunset date, the successor and why', async () => {
    await renderEntityCard(<DeprecationBanner />, {
      entity: deprecated('2999-01-31'),
    });
    expect(
      await screen.findByText(
        /This data product is deprecated: sunset on 2999-01-31$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /customer-360-v2/ }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/customer-360-v2');
    expect(
      screen.getByText('Replaced by the event-sourced view'),
    ).toBeInTheDocument();
  });

  it('says when the sunset date has passed', async () => {
    await renderEntityCard(<DeprecationBanner />, {
      entity: deprecated('2020-01-31'),
    });
    expect(
      await screen.findByText(
        /This data product is deprecated: its sunset date 2020-01-31 has passed$/,
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing for a product not deprecated', async () => {
    await renderEntityCard(
      <>
        <DeprecationBanner />
        <p>page</p>
      </>,
      { entity: customer360() },
    );
    expect(await screen.findByText('page')).toBeInTheDocument();
    expect(screen.queryByText(/deprecated/)).toBeNull();
  });
});

describe('DeprecatedInputsCard', () => {
  it('lists the deprecated products an entity reads, not the others', async () => {
    const reader: Entity = {
      ...aComponent,
      relations: [
        {
          type: 'consumesDataProduct',
          targetRef: 'dataproduct:default/customer-360',
        },
        { type: 'consumesDataProduct', targetRef: 'dataproduct:default/fresh' },
      ],
    };
    const fresh = {
      ...customer360(),
      metadata: { name: 'fresh', namespace: 'default' },
    };
    await renderEntityCard(<DeprecatedInputsCard />, {
      entity: reader,
      catalog: [deprecated('2999-01-31'), fresh],
    });
    expect(
      await screen.findByText(
        /Customer 360 is deprecated: sunset on 2999-01-31$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/fresh is deprecated/)).toBeNull();
  });
});
