import { screen, within } from '@testing-library/react';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { VersionHistoryCard } from './VersionHistoryCard';

const mesh = setupDataMeshServer();
const VERSIONS = '/products/default/customer-360/versions';

const snapshot = (version: string) => ({
  version,
  fields: [{ name: 'customer_id', type: 'string' }],
  outputPorts: [],
  slo: {},
});

const render = () =>
  renderEntityCard(<VersionHistoryCard />, {
    entity: customer360(),
    apis: [mesh.api],
  });

describe('VersionHistoryCard', () => {
  it('lists the versions newest first with what changed, breaking changes marked', async () => {
    mesh.get(VERSIONS, {
      entityRef: 'dataproduct:default/customer-360',
      items: [
        {
          version: '1.0.0',
          lifecycle: 'production',
          seenAt: '2026-11-01T10:00:00Z',
          majorBump: false,
          breakingCount: 0,
          changes: [],
          snapshot: snapshot('1.0.0'),
        },
        {
          version: '1.1.0',
          lifecycle: 'production',
          seenAt: '2026-11-10T10:00:00Z',
          majorBump: false,
          breakingCount: 1,
          changes: [
            {
              kind: 'field-removed',
              breaking: true,
              path: 'spec.schema.fields',
              message: "Field 'email' removed",
            },
          ],
          snapshot: snapshot('1.1.0'),
        },
        {
          version: '2.0.0',
          lifecycle: 'production',
          seenAt: '2026-11-20T10:00:00Z',
          majorBump: true,
          breakingCount: 1,
          changes: [
            {
              kind: 'port-removed',
              breaking: true,
              path: 'spec.outputPorts',
              message: "Output port 'api' removed",
            },
            {
              kind: 'field-added',
              breaking: false,
              path: 'spec.schema.fields[1]',
              message: "Field 'segment' added",
            },
          ],
          snapshot: snapshot('2.0.0'),
        },
      ],
    });
    await render();
    const table = await screen.findByRole('table', {
      name: 'Versions of the product',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(
      /2\.0\.0.*production.*Breaking.*Output port 'api' removed.*Field 'segment' added/,
    );
    expect(rows[0]).not.toHaveTextContent('unannounced');
    expect(rows[1]).toHaveTextContent(
      /1\.1\.0.*Breaking, unannounced.*Field 'email' removed/,
    );
    expect(rows[2]).toHaveTextContent(/1\.0\.0.*First version seen/);
  });

  it('shows an empty state before any version is seen, and errors', async () => {
    mesh.get(VERSIONS, { entityRef: 'x', items: [] });
    await render();
    expect(await screen.findByText('No version seen yet')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    mesh.get(VERSIONS, errorBody('boom'), 500);
    await render();
    expect(await screen.findByText(/boom/)).toBeInTheDocument();
  });
});
