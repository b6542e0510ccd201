import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  BASE,
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { domainRollup, freshness, summary } from '../../__testUtils__/fixtures';
import { renderInDataMeshApp } from '../../__testUtils__/renderInDataMeshApp';
import { DomainScorecards } from './DomainScorecards';

const mesh = setupDataMeshServer();
const TOTAL = 60;

/**
 * A domain of 60 products served like the backend: one page per request,
 * `limit` rows from the cursor (the index of the first row), and the
 * `nextCursor` of the following page.
 */
function serveDomain() {
  const requests: Record<string, string>[] = [];
  mesh.server.use(
    http.get(`${BASE}/domains/customer`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(Object.fromEntries(params));
      const limit = Number(params.get('limit'));
      const start = Number(params.get('cursor') ?? 0);
      const total = params.get('status') === 'fail' ? 3 : TOTAL;
      const items = Array.from(
        { length: Math.max(0, Math.min(limit, total - start)) },
        (_, i) => summary(`product-${String(start + i).padStart(2, '0')}`),
      );
      return HttpResponse.json({
        domain: domainRollup('customer'),
        freshness: freshness(),
        products: {
          items,
          totalItems: total,
          nextCursor: start + limit < total ? String(start + limit) : undefined,
        },
      });
    }),
  );
  return requests;
}

const render = (path = '/data-mesh/domains/default/customer') =>
  renderInDataMeshApp(<DomainScorecards />, {
    apis: [mesh.api],
    mountPath: '/data-mesh/domains/*',
    initialRouteEntries: [path],
  });

const table = () => screen.getByRole('table', { name: 'Products of Customer' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('DomainDetails', () => {
  it('asks the server for one page at a time and walks forward and back with cursors', async () => {
    const requests = serveDomain();
    await render();
    expect(await screen.findByText('Products 1–25 of 60')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(25);
    expect(requests).toEqual([{ orderBy: 'score', order: 'asc', limit: '25' }]);

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Products 26–50 of 60')).toBeInTheDocument();
    expect(requests[1]).toEqual({
      orderBy: 'score',
      order: 'asc',
      limit: '25',
      cursor: '25',
    });
    expect(bodyRows()).toHaveLength(25);
    expect(bodyRows()[0]).toHaveTextContent('product-25');

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Products 51–60 of 60')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('Products 26–50 of 60')).toBeInTheDocument();
    expect(requests[3].cursor).toBe('25');
  });

  it('sorts on the server and starts again at the first page', async () => {
    const requests = serveDomain();
    await render();
    await screen.findByText('Products 1–25 of 60');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Products 26–50 of 60');

    await userEvent.click(screen.getByRole('button', { name: 'Product' }));
    await screen.findByText('Products 1–25 of 60');
    expect(requests.at(-1)).toEqual({
      orderBy: 'entityRef',
      order: 'asc',
      limit: '25',
    });
    expect(
      screen.getByRole('columnheader', { name: 'Product' }),
    ).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: /Product/ }));
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        orderBy: 'entityRef',
        order: 'desc',
        limit: '25',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Type' }));
    await waitFor(() => expect(requests.at(-1)?.orderBy).toBe('type'));
    await userEvent.click(screen.getByRole('button', { name: 'Status' }));
    await waitFor(() => expect(requests.at(-1)?.orderBy).toBe('status'));
  });

  it('filters by status and type on the server, and changes the page size', async () => {
    const requests = serveDomain();
    await render();
    await screen.findByText('Products 1–25 of 60');

    await userEvent.click(screen.getByRole('button', { name: /Status All/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Fail' }));
    expect(await screen.findByText('Products 1–3 of 3')).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({
      status: 'fail',
      orderBy: 'score',
      order: 'asc',
      limit: '25',
    });

    await userEvent.click(screen.getByRole('button', { name: /Type All/ }));
    await userEvent.click(screen.getByRole('option', { name: 'aggregate' }));
    await waitFor(() => expect(requests.at(-1)?.type).toBe('aggregate'));

    await userEvent.click(screen.getByRole('button', { name: /Status Fail/ }));
    await userEvent.click(screen.getByRole('option', { name: 'All' }));
    await userEvent.click(
      screen.getByRole('button', { name: /Rows per page/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: '50' }));
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        type: 'aggregate',
        orderBy: 'score',
        order: 'asc',
        limit: '50',
      }),
    );
    expect(await screen.findByText('Products 1–50 of 60')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(50);
  });

  it('filters by score band on the server', async () => {
    const requests = serveDomain();
    await render();
    await screen.findByText('Products 1–25 of 60');

    await userEvent.click(screen.getByRole('button', { name: /Score All/ }));
    await userEvent.click(screen.getByRole('option', { name: '50 to 79' }));
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        minScore: '50',
        maxScore: '79.99',
        orderBy: 'score',
        order: 'asc',
        limit: '25',
      }),
    );
    expect(
      screen.getByRole('button', { name: /Score 50 to 79/ }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: /Score 50 to 79/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Below 50' }));
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        maxScore: '49.99',
        orderBy: 'score',
        order: 'asc',
        limit: '25',
      }),
    );
  });

  it('reads filters from the URL, as the domain list links them', async () => {
    const requests = serveDomain();
    await render('/data-mesh/domains/default/customer?status=fail&limit=9999');
    await screen.findByText('Products 1–3 of 3');
    expect(requests[0]).toEqual({
      status: 'fail',
      orderBy: 'score',
      order: 'asc',
      limit: '25',
    });
  });

  it('shows the domain figures and a link back to all domains', async () => {
    serveDomain();
    await render();
    expect(
      await screen.findByRole('link', { name: '← All domains' }),
    ).toHaveAttribute('href', '/data-mesh/domains');
    expect(await screen.findByText('Most violated rules')).toBeInTheDocument();
  });

  it('shows an empty state for an unknown domain', async () => {
    mesh.get('/domains/nowhere', errorBody('No domain', 'NotFoundError'), 404);
    await render('/data-mesh/domains/default/nowhere');
    expect(
      await screen.findByText('No domain default/nowhere'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    mesh.get('/domains/customer', errorBody('boom'), 500);
    await render();
    expect(
      (await screen.findAllByText(/500 Internal Server Error/))[0],
    ).toBeInTheDocument();
  });
});
