import {
  accessHarness,
  recordingProvisioner,
} from '../../__testUtils__/accessHarness';
import {
  ANN,
  approvedAgreement,
  JO,
} from '../../__testUtils__/approvedAgreement';

const DAY = 86_400_000;

describe('agreement lifecycle', () => {
  it('a failed grant leaves the agreement provisioning-failed, told and retried, never active', async () => {
    const provisioner = recordingProvisioner();
    const t = await accessHarness({ provisioners: [provisioner] });
    provisioner.failGrant = true;
    const agreement = await approvedAgreement(t);
    expect(agreement).toMatchObject({
      status: 'provisioning-failed',
      statusReason: 'Error: grant refused by the warehouse',
    });
    expect(provisioner.calls).toEqual([]);
    expect(t.sent.map(n => n.topic)).toContain(
      'data-agreement-provisioning-failed',
    );
    // Retried while the warehouse still refuses: still failed.
    await expect(
      t.agreementService.retry(agreement.id, 'user:default/ann'),
    ).resolves.toMatchObject({
      status: 'provisioning-failed',
    });
    provisioner.failGrant = false;
    await expect(
      t.agreementService.retry(agreement.id, 'user:default/ann'),
    ).resolves.toMatchObject({
      status: 'active',
    });
    expect(provisioner.calls).toEqual([`grant ${agreement.id}`]);
    const trail = await t.agreements.audit({}, 100);
    expect(
      trail.filter(e => e.subject === 'agreement').map(e => e.action),
    ).toEqual([
      'agreed',
      'grant-failed',
      'grant-retried',
      'grant-failed',
      'grant-retried',
      'granted',
    ]);
    await expect(
      t.agreementService.retry(agreement.id, 'user:default/ann'),
    ).rejects.toThrow('has nothing to retry');
  });

  it('a revocation removes access; a failed removal is visible and retried', async () => {
    const provisioner = recordingProvisioner();
    const t = await accessHarness({ provisioners: [provisioner] });
    const agreement = await approvedAgreement(t);
    provisioner.failRevoke = true;
    await expect(
      t.agreementService.revoke(
        agreement.id,
        'consumer left the company',
        'user:default/ann',
      ),
    ).resolves.toMatchObject({ status: 'revoke-failed' });
    provisioner.failRevoke = false;
    await expect(
      t.agreementService.retry(agreement.id, 'user:default/ann'),
    ).resolves.toMatchObject({
      status: 'revoked',
      statusReason: 'consumer left the company',
    });
    expect(provisioner.calls).toEqual([
      `grant ${agreement.id}`,
      `revoke ${agreement.id}`,
    ]);
    await expect(
      t.agreementService.revoke(agreement.id, 'again', 'user:default/ann'),
    ).rejects.toThrow('holds no access to end');
  });

  it('expires by the injected clock, reminding the consumer once beforehand', async () => {
    const provisioner = recordingProvisioner();
    const t = await accessHarness({ provisioners: [provisioner] });
    const agreement = await approvedAgreement(t, '2026-12-20T10:00:00.000Z');
    const lead = 7 * DAY;
    const reminders = () =>
      t.sent.filter(n => n.topic === 'data-agreement-expiring');

    // 2026-12-01: more than the lead time ahead; nothing happens.
    expect(await t.agreementService.expireDue(lead)).toBe(0);
    expect(reminders()).toEqual([]);
    // 2026-12-14: within the lead time; told once, however often it runs.
    t.clock.now = new Date('2026-12-14T10:00:00.000Z');
    expect(await t.agreementService.expireDue(lead)).toBe(0);
    expect(await t.agreementService.expireDue(lead)).toBe(0);
    expect(reminders()).toEqual([
      {
        to: ['user:default/jo'],
        title: 'Access to orders expires 2026-12-20',
        topic: 'data-agreement-expiring',
      },
    ]);
    // A second before the expiry it still holds.
    t.clock.now = new Date('2026-12-20T09:59:59.000Z');
    expect(await t.agreementService.expireDue(lead)).toBe(0);
    expect((await t.agreements.get(agreement.id))?.status).toBe('active');
    // At the expiry it ends, and its access is removed.
    t.clock.now = new Date('2026-12-20T10:00:00.000Z');
    expect(await t.agreementService.expireDue(lead)).toBe(1);
    expect(await t.agreements.get(agreement.id)).toMatchObject({
      status: 'expired',
      statusReason: 'expired at 2026-12-20T10:00:00.000Z',
    });
    expect(provisioner.calls).toEqual([
      `grant ${agreement.id}`,
      `revoke ${agreement.id}`,
    ]);
    const last = (await t.agreements.audit({}, 100)).slice(-2);
    expect(last.map(e => [e.actor, e.action, e.toStatus])).toEqual([
      ['data-mesh', 'expired', 'revoking'],
      ['data-mesh', 'access-removed', 'expired'],
    ]);
  });

  it('a renewal, once approved, moves the expiry; the agreement then outlives the old date', async () => {
    const t = await accessHarness();
    const agreement = await approvedAgreement(t, '2026-12-20T10:00:00.000Z');
    await expect(
      t.accessService.renew(
        agreement,
        { until: '2026-12-10T00:00:00.000Z' },
        JO,
      ),
    ).rejects.toThrow("body.until: must be after the agreement's expiry");
    const renewal = await t.accessService.renew(
      agreement,
      { until: '2027-03-01T00:00:00.000Z' },
      JO,
    );
    expect(renewal).toMatchObject({ status: 'pending', renews: agreement.id });
    await t.accessService.decide(renewal.id, { status: 'approved' }, ANN);
    t.clock.now = new Date('2026-12-21T00:00:00.000Z');
    expect(await t.agreementService.expireDue(DAY)).toBe(0);
    expect(await t.agreements.get(agreement.id)).toMatchObject({
      status: 'active',
      expiresAt: '2027-03-01T00:00:00.000Z',
    });
  });
});
