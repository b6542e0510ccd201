import { fireEvent, screen, within } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { campaignSummary } from './campaignFixtures';
import { Campaigns } from './Campaigns';

// Rendering the app and a form under a loaded CI machine can take long.
jest.setTimeout(90_000);

const mesh = setupDataMeshServer();

const render = (authorize: AuthorizeResult.ALLOW | AuthorizeResult.DENY) => {
  mesh.get('/policies', {
    policyVersion: 'v1',
    weights: { error: 10, warning: 2, info: 0 },
    packs: [],
    rules: [],
  });
  return renderInDataMeshApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <Campaigns />
    </SWRConfig>,
    {
      apis: [mesh.api, [permissionApiRef, mockApis.permission({ authorize })]],
      mountPath: '/data-mesh/campaigns/*',
      initialRouteEntries: ['/data-mesh/campaigns'],
    },
  );
};

describe('the campaigns list', () => {
  it('lists campaigns with their status, share done and deadline, without the form for others', async () => {
    mesh.get('/campaigns', {
      items: [
        campaignSummary(),
        campaignSummary({
          id: 'c-0',
          name: 'Old one',
          status: 'met',
          health: 'met',
          share: 1,
          done: 10,
        }),
      ],
      atRiskMargin: 0.05,
    });
    await render(AuthorizeResult.DENY);
    const link = await screen.findByRole('link', {
      name: 'Describe every product',
    });
    expect(link).toHaveAttribute('href', '/data-mesh/campaigns/c-1');
    const row = link.closest('tr')!;
    expect(row).toHaveTextContent(/At risk.*60% \(6 of 10\).*90%.*2026-12-31/);
    expect(
      within(
        screen.getByRole('link', { name: 'Old one' }).closest('tr')!,
      ).getByText('Met'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start a campaign' }),
    ).toBeNull();
  });

  it('starts a campaign for governance, sending the target as a share, and shows a refusal naming the field', async () => {
    mesh.get('/campaigns', { items: [], atRiskMargin: 0.05 });
    const sent = mesh.post(
      '/campaigns',
      errorBody(
        'body.deadline: must be after today (2026-12-01)',
        'InputError',
        400,
      ),
      400,
    );
    await render(AuthorizeResult.ALLOW);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start a campaign' }),
    );
    const form = screen.getByRole('form', { name: 'Start a campaign' });
    fireEvent.change(within(form).getByLabelText(/Name/), {
      target: { value: 'Score 90 everywhere' },
    });
    fireEvent.change(within(form).getByLabelText('Minimum score'), {
      target: { value: '90' },
    });
    fireEvent.change(within(form).getByLabelText(/Target/), {
      target: { value: '75' },
    });
    fireEvent.change(within(form).getByLabelText(/Domains/), {
      target: { value: 'customer, finance' },
    });
    fireEvent.change(within(form).getByLabelText(/Deadline/), {
      target: { value: '2026-12-01' },
    });
    await userEvent.click(within(form).getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'body.deadline: must be after today',
    );
    expect(sent).toEqual([
      {
        name: 'Score 90 everywhere',
        minScore: 90,
        scope: { domains: ['customer', 'finance'] },
        targetShare: 0.75,
        deadline: '2026-12-01',
      },
    ]);
  });
});
