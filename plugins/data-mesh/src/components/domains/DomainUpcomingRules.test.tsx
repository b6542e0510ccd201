import { screen, within } from '@testing-library/react';
import { setupDataMeshServer } from '../../__testUtils__/dataMeshServer';
import { domainRollup, freshness, summary } from '../../__testUtils__/fixtures';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { DomainScorecards } from './DomainScorecards';

const mesh = setupDataMeshServer();

const rule = (id: string, extra: object) => ({
  id,
  title: `Rule ${id}`,
  severity: 'error',
  description: '',
  remediation: '',
  pack: 'lifecycle',
  scope: 'global',
  ...extra,
});

describe('upcoming rules on a domain page', () => {
  it('lists the rules not scored yet or any more, with the listed products failing each', async () => {
    mesh.get('/domains/customer', {
      domain: domainRollup('customer'),
      freshness: freshness(),
      products: {
        items: [
          { ...summary('product-a'), upcomingFailing: ['CERT-001'] },
          { ...summary('product-b'), upcomingFailing: ['CERT-001'] },
          summary('product-c'),
        ],
        totalItems: 3,
      },
      upcomingRules: [
        rule('CERT-001', {
          state: 'grace',
          enforcedFrom: '2027-01-31T00:00:00.000Z',
        }),
        rule('OLD-001', { state: 'deprecated', replacedBy: 'CERT-001' }),
      ],
    });
    renderInDataMeshApp(<DomainScorecards />, {
      apis: [mesh.api],
      mountPath: '/data-mesh/domains/*',
      initialRouteEntries: ['/data-mesh/domains/default/customer'],
    });
    const upcoming = await screen.findByRole('table', {
      name: 'Upcoming rules',
    });
    const rows = within(upcoming).getAllByRole('row');
    expect(rows[0]).toHaveTextContent('Failing, of the 3 listed');
    expect(rows.slice(1).map(row => row.textContent)).toEqual([
      expect.stringMatching(
        /Rule CERT-001.*Scored from .*2027.*2: product-a, product-b/,
      ),
      expect.stringMatching(
        /Rule OLD-001.*Deprecated: replaced by CERT-001.*None/,
      ),
    ]);
  });

  it('says so when every rule of the domain is scored', async () => {
    mesh.get('/domains/customer', {
      domain: domainRollup('customer'),
      freshness: freshness(),
      products: { items: [summary('product-a')], totalItems: 1 },
      upcomingRules: [],
    });
    renderInDataMeshApp(<DomainScorecards />, {
      apis: [mesh.api],
      mountPath: '/data-mesh/domains/*',
      initialRouteEntries: ['/data-mesh/domains/default/customer'],
    });
    expect(
      await screen.findByText(
        'None: every rule that applies in this domain is scored.',
      ),
    ).toBeInTheDocument();
  });
});
