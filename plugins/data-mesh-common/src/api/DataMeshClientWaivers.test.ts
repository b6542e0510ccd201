import { clientWithResponses as setup } from '../__fixtures__/clientWithResponses';

describe('DataMeshClient waiver routes', () => {
  it('requests, approves, rejects and revokes waivers', async () => {
    const waiver = {
      entityRef: 'dataproduct:default/a',
      ruleId: 'SEC-001',
      reason: 'Vendor migration',
      expiresAt: '2027-01-31T00:00:00.000Z',
      source: 'api',
    };
    const { client, calls } = setup([
      { status: 201, body: { ...waiver, status: 'pending' } },
      { status: 200, body: { ...waiver, status: 'approved' } },
      { status: 200, body: { ...waiver, status: 'rejected' } },
      { status: 204 },
    ]);
    await expect(
      client.requestWaiver({
        entityRef: 'dataproduct:default/a',
        ruleId: 'SEC-001',
        reason: 'Vendor migration',
        expiresAt: '2027-01-31T00:00:00.000Z',
      }),
    ).resolves.toMatchObject({ status: 'pending' });
    await expect(
      client.approveWaiver('dataproduct:default/a', 'SEC-001'),
    ).resolves.toMatchObject({ status: 'approved' });
    await expect(
      client.rejectWaiver('a', 'SEC/1', { source: 'entity', comment: 'No' }),
    ).resolves.toMatchObject({ status: 'rejected' });
    await expect(
      client.revokeWaiver('dataproduct:default/a', 'SEC-001', {
        source: 'api',
      }),
    ).resolves.toBeUndefined();
    expect(
      calls.map(c => `${c.init.method} ${c.url} ${c.init.body ?? ''}`),
    ).toEqual([
      `POST http://backend/api/data-mesh/waivers ${JSON.stringify({
        entityRef: 'dataproduct:default/a',
        ruleId: 'SEC-001',
        reason: 'Vendor migration',
        expiresAt: '2027-01-31T00:00:00.000Z',
      })}`,
      'POST http://backend/api/data-mesh/waivers/default/a/SEC-001/approve {}',
      'POST http://backend/api/data-mesh/waivers/default/a/SEC%2F1/reject {"source":"entity","comment":"No"}',
      'DELETE http://backend/api/data-mesh/waivers/default/a/SEC-001?source=api ',
    ]);
  });
});
