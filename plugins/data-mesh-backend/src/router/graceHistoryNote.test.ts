import { startWithClock } from '../__testUtils__/startWithClock';
import { ANA } from '../__testUtils__/waivers';

const BEFORE = '2026-11-20T10:00:00.000Z';
const AFTER = '2026-12-01T00:00:01.000Z';
const HISTORY = '/api/data-mesh/scorecards/default/product-3/history';

// A rule every product fails, in grace until 1 December.
const gracePack = {
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'PolicyPack',
  metadata: { name: 'lifecycle' },
  spec: {
    rules: [
      {
        id: 'CERT-001',
        title: 'Certified',
        severity: 'error',
        message: 'Not certified',
        condition: { required: ['certifiedBy'] },
        state: 'grace',
        enforcedFrom: '2026-12-01',
      },
    ],
  },
};

describe('a grace period ending, in the product history', () => {
  it('notes the date the rule started counting beside the score drop, with the clock passing the date', async () => {
    const t = await startWithClock({
      now: BEFORE,
      config: { dataMesh: { governance: { packs: [gracePack] } } },
    });
    await t.services.sweep.run();
    const before = await t.api.get(HISTORY).set(ANA);
    expect(before.status).toBe(200);
    const first = before.body.items.at(-1);
    expect(first.ruleIds).not.toContain('CERT-001');
    expect(first.notes ?? []).toEqual([]);

    t.setNow(AFTER);
    await t.services.sweep.run();
    const after = await t.api.get(HISTORY).set(ANA);
    const last = after.body.items.at(-1);
    expect(after.body.items).toHaveLength(before.body.items.length + 1);
    expect(last.score).toBe(first.score - 10);
    expect(last.ruleIds).toContain('CERT-001');
    expect(last.notes).toEqual([
      'Rule CERT-001 (Certified) counts from 2026-12-01, when its grace period ended; the product fails it',
    ]);

    // The next sweep changes nothing: no new entry, no note repeated.
    await t.services.sweep.run();
    const again = await t.api.get(HISTORY).set(ANA);
    expect(again.body.items).toHaveLength(after.body.items.length);
  });
});
