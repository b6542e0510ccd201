import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accessApis,
  accessConfig,
  consumerEntities,
} from '../../__testUtils__/accessFixtures';
import {
  errorBody,
  setupDataMeshServer,
} from '../../__testUtils__/dataMeshServer';
import { customer360 } from '../../__testUtils__/entityFixtures';
import { renderEntityCard } from '../../__testUtils__/renderInDataMeshApp';
import { AccessCard } from './AccessCard';

jest.setTimeout(60_000);
// The machine running the tests may be slow to load the card's data.
configure({ asyncUtilTimeout: 10_000 });

const mesh = setupDataMeshServer();

async function openForm() {
  mesh.get('/access-requests', { items: [] });
  mesh.get('/agreements', { items: [] });
  await renderEntityCard(<AccessCard />, {
    entity: customer360(),
    catalog: consumerEntities,
    apis: [mesh.api, ...accessApis],
    config: accessConfig,
  });
  await userEvent.click(
    await screen.findByRole('button', {
      name: 'Request access to customer-360-api',
    }),
  );
  return screen.findByRole('dialog', {
    name: 'Request access to customer-360-api',
  });
}

/** Chooses `value` (or several) in the dialog's select labelled `label`. */
const choose = (dialog: HTMLElement, label: RegExp, value: string | string[]) =>
  userEvent.selectOptions(within(dialog).getByLabelText(label), value);

/** Sends the request as it stands. */
const send = (dialog: HTMLElement) =>
  userEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));

/** Chooses the consuming entity and a listed purpose, and sends. */
async function submit(
  dialog: HTMLElement,
  choices: { consumer: string; purpose: string },
) {
  await choose(dialog, /Consuming entity/, choices.consumer);
  await choose(dialog, /Purpose/, choices.purpose);
  await send(dialog);
}

describe('the access request form', () => {
  it('lists the output ports and offers only entities the user owns', async () => {
    const dialog = await openForm();
    const consumer = within(dialog).getByLabelText(/Consuming entity/);
    await within(dialog).findByRole('option', { name: /churn-model/ });
    expect(
      within(consumer)
        .getAllByRole('option')
        .map(o => o.getAttribute('value')),
    ).toEqual(['', 'group:default/analytics', 'component:default/churn-model']);
    expect(within(dialog).getByLabelText(/Output port/)).toHaveValue(
      'customer-360-api',
    );
  });

  it('checks what the server checks before sending anything', async () => {
    const bodies = mesh.post('/access-requests', {}, 201);
    const dialog = await openForm();
    // The whole port of a product with PII: the purpose is one of the list.
    const purpose = within(dialog).getByLabelText(/Purpose/);
    expect(
      within(purpose)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['', 'fraud-prevention', 'customer-support']);
    await userEvent.clear(within(dialog).getByLabelText(/End date/));
    await send(dialog);
    expect(
      within(dialog).getByText('Choose the entity that will read the data'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Say why the data is needed'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Choose the day the access ends'),
    ).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    // Only non-PII fields: any purpose may be written.
    await choose(dialog, /Fields needed/, ['customer_id']);
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Purpose/ }),
      'Churn modelling',
    );
    await choose(dialog, /Consuming entity/, 'component:default/churn-model');
    await userEvent.type(
      within(dialog).getByLabelText(/End date/),
      '2099-03-31',
    );
    await send(dialog);
    expect(bodies).toEqual([
      {
        product: 'dataproduct:default/customer-360',
        port: 'customer-360-api',
        consumer: 'component:default/churn-model',
        purpose: 'Churn modelling',
        fields: ['customer_id'],
        until: '2099-03-31T23:59:59.000Z',
      },
    ]);
  });

  it('refuses a free-text purpose when PII fields are asked for', async () => {
    const bodies = mesh.post('/access-requests', {}, 201);
    const dialog = await openForm();
    await choose(dialog, /Consuming entity/, 'component:default/churn-model');
    await choose(dialog, /Fields needed/, ['customer_id']);
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Purpose/ }),
      'Churn modelling',
    );
    // Adding a PII field: the purpose written no longer fits.
    await choose(dialog, /Fields needed/, ['customer_id', 'email']);
    await send(dialog);
    expect(
      within(dialog).getByText(
        'Access to PII needs one of these purposes: fraud-prevention, customer-support',
      ),
    ).toBeInTheDocument();
    expect(bodies).toHaveLength(0);
  });

  it('shows a refusal of the server at the field it names and keeps what was typed', async () => {
    const bodies = mesh.post(
      '/access-requests',
      errorBody(
        "body.purpose: access to PII needs one of these purposes: fraud-prevention; body.fields.0: nickname is not a field of the product's schema",
        'InputError',
        400,
      ),
      400,
    );
    const dialog = await openForm();
    await submit(dialog, {
      consumer: 'component:default/churn-model',
      purpose: 'customer-support',
    });
    expect(
      await within(dialog).findByText(
        'access to PII needs one of these purposes: fraud-prevention',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        "nickname is not a field of the product's schema",
      ),
    ).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(within(dialog).getByLabelText(/Purpose/)).toHaveValue(
      'customer-support',
    );
    expect(within(dialog).getByLabelText(/Consuming entity/)).toHaveValue(
      'component:default/churn-model',
    );
  });

  it('shows a refusal naming no field as an alert and says when a request is sent', async () => {
    mesh.post(
      '/access-requests',
      errorBody(
        'body.consumer: no entity component:default/x',
        'NotFoundError',
        404,
      ),
      404,
    );
    const dialog = await openForm();
    await submit(dialog, {
      consumer: 'group:default/analytics',
      purpose: 'fraud-prevention',
    });
    expect(
      await within(dialog).findByText('no entity component:default/x'),
    ).toBeInTheDocument();

    mesh.post(
      '/access-requests',
      { id: 'r9', port: 'customer-360-api', status: 'pending' },
      201,
    );
    await send(dialog);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Access to customer-360-api requested: pending.',
    );
  });
});
