import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  accessHarness,
  recordingProvisioner,
} from '../../__testUtils__/accessHarness';
import {
  AGREEMENT_CONSUMER,
  ANN,
  approvedAgreement,
  JO,
} from '../../__testUtils__/approvedAgreement';
import { catalogEdgeRefresh } from './agreementEdgeRefresh';

describe('agreements and the catalog graph', () => {
  it('asks the catalog to redraw the edge when an agreement becomes active, is revoked or expires', async () => {
    const t = await accessHarness({ provisioners: [recordingProvisioner()] });
    const first = await approvedAgreement(t);
    expect(t.refreshed).toEqual([`active ${AGREEMENT_CONSUMER}`]);
    await t.agreementService.revoke(first.id, 'not needed', 'user:default/ann');
    expect(t.refreshed).toEqual([
      `active ${AGREEMENT_CONSUMER}`,
      `revoking ${AGREEMENT_CONSUMER}`,
    ]);
    await approvedAgreement(t, '2026-12-05T10:00:00.000Z');
    t.clock.now = new Date('2026-12-06T00:00:00.000Z');
    expect(await t.agreementService.expireDue(0)).toBe(1);
    expect(t.refreshed.slice(2)).toEqual([
      `active ${AGREEMENT_CONSUMER}`,
      `revoking ${AGREEMENT_CONSUMER}`,
    ]);
  });

  it('draws no edge while a grant fails', async () => {
    const provisioner = recordingProvisioner();
    provisioner.failGrant = true;
    const t = await accessHarness({ provisioners: [provisioner] });
    await approvedAgreement(t);
    expect(t.refreshed).toEqual([]);
  });

  it('refreshes the consumer with the plugin credentials, and only logs a failure', async () => {
    const calls: unknown[] = [];
    const logger = mockServices.logger.mock();
    const service = mockCredentials.service('plugin:data-mesh');
    const refresh = catalogEdgeRefresh({
      catalog: {
        refreshEntity: async (ref, options) => {
          calls.push([ref, options.credentials]);
          if (ref.endsWith('broken')) throw new Error('catalog down');
        },
      },
      auth: { getOwnServiceCredentials: async () => service },
      logger,
    });
    const agreement = { id: 'a1', consumer: AGREEMENT_CONSUMER } as any;
    await refresh(agreement);
    await refresh({ ...agreement, consumer: 'component:default/broken' });
    expect(calls).toEqual([
      [AGREEMENT_CONSUMER, service],
      ['component:default/broken', service],
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });
});

describe('renewals of an agreement that ends', () => {
  it('a revocation closes the pending renewal; approving it then answers a clear 409', async () => {
    const t = await accessHarness();
    const agreement = await approvedAgreement(t);
    const renewal = await t.accessService.renew(
      agreement,
      { until: '2027-03-01T00:00:00.000Z' },
      JO,
    );
    await t.agreementService.revoke(
      agreement.id,
      'consumer left the company',
      'user:default/ann',
    );
    expect(await t.requests.get(renewal.id)).toMatchObject({
      status: 'rejected',
      comment: 'The agreement it renews was revoked: consumer left the company',
    });
    const refused = t.accessService.decide(
      renewal.id,
      { status: 'approved' },
      ANN,
    );
    await expect(refused).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(refused).rejects.toThrow(
      'The request is closed: it is already rejected (The agreement it renews was revoked: consumer left the company)',
    );
    const trail = await t.agreements.audit({}, 100);
    expect(
      trail
        .filter(e => e.subjectId === renewal.id)
        .map(e => [e.actor, e.action, e.toStatus]),
    ).toEqual([
      ['user:default/jo', 'renewal-requested', 'pending'],
      ['user:default/ann', 'renewal-closed', 'rejected'],
    ]);
  });

  it('an expiry closes the pending renewal too', async () => {
    const t = await accessHarness();
    const agreement = await approvedAgreement(t, '2026-12-05T10:00:00.000Z');
    const renewal = await t.accessService.renew(
      agreement,
      { until: '2027-03-01T00:00:00.000Z' },
      JO,
    );
    t.clock.now = new Date('2026-12-06T00:00:00.000Z');
    await t.agreementService.expireDue(0);
    expect(await t.requests.get(renewal.id)).toMatchObject({
      status: 'rejected',
      decidedBy: 'data-mesh',
      comment:
        'The agreement it renews has expired: expired at 2026-12-05T10:00:00.000Z',
    });
  });
});
