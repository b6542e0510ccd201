import { mockCredentials } from '@backstage/backend-test-utils';
import {
  accessHarness,
  recordingProvisioner,
} from '../../__testUtils__/accessHarness';
import { ANN, JO } from '../../__testUtils__/approvedAgreement';

const body = (overrides: object = {}) => ({
  product: 'dataproduct:default/orders',
  port: 'table',
  consumer: 'component:default/churn-model',
  purpose: 'churn prediction',
  fields: [] as string[],
  until: '2027-01-01T00:00:00.000Z',
  ...overrides,
});

describe('approval modes', () => {
  it('manual: the request waits, and its owners are told', async () => {
    const provisioner = recordingProvisioner();
    const t = await accessHarness({ provisioners: [provisioner] });
    const request = await t.accessService.request(body(), JO);
    expect(request).toMatchObject({ status: 'pending', mode: 'manual' });
    expect(await t.agreements.list({}, 'all')).toEqual([]);
    expect(provisioner.calls).toEqual([]);
    expect(t.sent).toEqual([
      {
        to: ['group:default/customer-team'],
        title: 'Access to orders requested',
        topic: 'data-access-requested',
      },
    ]);
  });

  it("automatic: a request without PII from the product's domain is approved and granted at once", async () => {
    const provisioner = recordingProvisioner();
    const t = await accessHarness({
      provisioners: [provisioner],
      settings: {
        domainModes: new Map([['domain:default/customer', 'automatic']]),
      },
    });
    const request = await t.accessService.request(body(), JO);
    expect(request).toMatchObject({
      status: 'approved',
      mode: 'automatic',
      decidedBy: 'data-mesh',
    });
    const [agreement] = await t.agreements.list({}, 'all');
    expect(agreement).toMatchObject({
      id: request.agreementId,
      status: 'active',
      approvedBy: 'data-mesh',
      expiresAt: '2027-01-01T00:00:00.000Z',
    });
    expect(provisioner.calls).toEqual([`grant ${agreement.id}`]);
    expect(t.sent.map(n => n.topic)).toEqual(['data-access-decided']);
  });

  it.each([
    [
      'PII is asked for',
      body({
        product: 'dataproduct:default/customer-360',
        purpose: 'fraud-prevention',
      }),
    ],
    [
      'the consumer is in another domain',
      body({ consumer: 'component:default/ads' }),
    ],
  ])('automatic: the owners decide when %s', async (_, asked) => {
    const t = await accessHarness({
      settings: { defaultMode: 'automatic' },
    });
    const request = await t.accessService.request(asked, JO);
    expect(request).toMatchObject({ status: 'pending', mode: 'manual' });
  });

  it("a product's own mode wins over its domain's", async () => {
    const t = await accessHarness({
      settings: {
        domainModes: new Map([['domain:default/customer', 'automatic']]),
        productModes: new Map([['dataproduct:default/orders', 'manual']]),
      },
    });
    expect(await t.accessService.request(body(), JO)).toMatchObject({
      status: 'pending',
      mode: 'manual',
    });
  });

  it('external: the request goes to the approver, whose service decides it', async () => {
    const submitted: string[] = [];
    const t = await accessHarness({
      settings: { defaultMode: 'external' },
      externalApprover: {
        async submit(request) {
          submitted.push(request.id);
          return { reference: 'TICKET-42' };
        },
      },
    });
    const request = await t.accessService.request(body(), JO);
    expect(submitted).toEqual([request.id]);
    expect(request).toMatchObject({
      status: 'pending',
      mode: 'external',
      externalReference: 'TICKET-42',
    });
    const decided = await t.accessService.decide(
      request.id,
      { status: 'approved', comment: 'TICKET-42 approved' },
      mockCredentials.service('external:ticketing'),
    );
    expect(decided).toMatchObject({
      status: 'approved',
      decidedBy: 'external:ticketing',
    });
  });

  it('nobody approves their own request; another approver may', async () => {
    const t = await accessHarness();
    const request = await t.accessService.request(body(), JO);
    await expect(
      t.accessService.decide(request.id, { status: 'approved' }, JO),
    ).rejects.toThrow('Nobody may approve their own access request');
    expect(await t.requests.get(request.id)).toMatchObject({
      status: 'pending',
    });
    await expect(
      t.accessService.decide(request.id, { status: 'approved' }, ANN),
    ).resolves.toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/ann',
    });
  });

  it.each([
    [
      body({ port: 'raw' }),
      'body.port: must be an output port of the product (table)',
    ],
    [
      body({ fields: ['order_id', 'colour'] }),
      "body.fields.1: colour is not a field of the product's schema",
    ],
    [
      body({ product: 'dataproduct:default/payments' }),
      'body.reviewer: a restricted product requires a named data protection reviewer',
    ],
    [
      body({ product: 'dataproduct:default/customer-360', fields: ['email'] }),
      'body.purpose: access to PII needs one of these purposes: fraud-prevention',
    ],
    [
      body({ product: 'dataproduct:default/customer-360' }),
      'body.purpose: access to PII needs one of these purposes: fraud-prevention',
    ],
  ])(
    'refuses a request that does not fit the product (%#)',
    async (asked, message) => {
      const t = await accessHarness();
      await expect(t.accessService.request(asked, JO)).rejects.toThrow(message);
      expect(await t.requests.list({}, 'all')).toEqual([]);
    },
  );

  it('accepts PII with a listed purpose, and a restricted product with a reviewer', async () => {
    const t = await accessHarness();
    await expect(
      t.accessService.request(
        body({
          product: 'dataproduct:default/customer-360',
          fields: ['email'],
          purpose: 'fraud-prevention',
        }),
        JO,
      ),
    ).resolves.toMatchObject({ status: 'pending' });
    await expect(
      t.accessService.request(
        body({
          product: 'dataproduct:default/payments',
          reviewer: 'user:default/dpo',
        }),
        JO,
      ),
    ).resolves.toMatchObject({
      status: 'pending',
      reviewer: 'user:default/dpo',
    });
  });
});
