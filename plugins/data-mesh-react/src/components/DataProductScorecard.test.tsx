import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  DataMeshApi,
  Scorecard,
  Violation,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { screen, within } from '@testing-library/react';
import { dataMeshApiRef } from '../api/dataMeshApiRef';
import { DataProductScorecard } from './DataProductScorecard';

const violation = (
  ruleId: string,
  severity: Violation['severity'],
  waived = false,
): Violation => ({
  ruleId,
  severity,
  message: `${ruleId} message`,
  remediation: `${ruleId} remediation`,
  path: `spec.${ruleId.toLowerCase()}`,
  waived,
});

const card: Scorecard = {
  entityRef: 'dataproduct:default/customer-360',
  score: 76,
  status: 'fail',
  violations: [
    violation('SLO-001', 'warning'),
    violation('SEC-002', 'error'),
    violation('DOC-001', 'info'),
    violation('QUAL-001', 'error', true),
    violation('STD-004', 'error'),
  ],
  evaluatedAt: '2026-11-30T10:00:00.000Z',
  policyVersion: 'v1',
};

function render(answer: Scorecard | undefined, entityRef = 'customer-360') {
  const getScorecard = jest.fn(async () => answer);
  const api = { getScorecard } as Partial<DataMeshApi> as DataMeshApi;
  renderInTestApp(<DataProductScorecard entityRef={entityRef} />, {
    apis: [[dataMeshApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return getScorecard;
}

describe('DataProductScorecard', () => {
  it('shows the score, status, counts and first violations, with a link to the product', async () => {
    const getScorecard = render(card);
    expect(await screen.findByText('Score 76 out of 100')).toBeInTheDocument();
    expect(getScorecard).toHaveBeenCalledWith(
      'dataproduct:default/customer-360',
    );
    expect(screen.getByText('Fail')).toBeInTheDocument();
    expect(
      screen.getByText('Errors: 2 · Warnings: 1 · Waived: 1'),
    ).toBeInTheDocument();
    // Unwaived only, errors first, three at most.
    const first = screen.getByRole('region', {
      name: 'Violations to fix first',
    });
    expect(
      within(first)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'SEC-002 SEC-002 message',
      'STD-004 STD-004 message',
      'SLO-001 SLO-001 message',
    ]);
    expect(
      screen.getByRole('link', { name: /Open the product/ }),
    ).toHaveAttribute('href', '/catalog/default/dataproduct/customer-360');
  });

  it('says when the product is not scored (or not visible)', async () => {
    render(undefined, 'dataproduct:finance/ledger');
    expect(await screen.findByText('Not scored yet')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the product/ }),
    ).toHaveAttribute('href', '/catalog/finance/dataproduct/ledger');
  });
});
