import { isMajorBump, majorVersion, versionSnapshot } from './versionSnapshot';
import { describeUnannouncedBreakingChanges } from './breakingChangeCheck';

describe('versionSnapshot', () => {
  it('keeps only what consumers rely on, PII columns folded into fields', () => {
    expect(
      versionSnapshot({
        spec: {
          type: 'source-aligned',
          lifecycle: 'production',
          owner: 'team-a',
          domain: 'sales',
          version: '1.0.0',
          schema: {
            type: 'avro',
            fields: [
              {
                name: 'id',
                type: 'string',
                description: 'Key',
                required: true,
              },
              { name: 'email', type: 'string' },
            ],
          },
          outputPorts: [
            {
              name: 'orders',
              type: 'kafka',
              format: 'avro',
              location: 'topic',
            },
          ],
          slo: { freshness: { target: '1 hour', measurement: 'lag' } },
          access: { privacy: { piiColumns: ['email'] } },
        },
      }),
    ).toEqual({
      version: '1.0.0',
      schemaType: 'avro',
      fields: [
        { name: 'id', type: 'string', required: true },
        { name: 'email', type: 'string', pii: true },
      ],
      outputPorts: [{ name: 'orders', type: 'kafka', format: 'avro' }],
      slo: { freshness: { target: '1 hour' } },
    });
  });
});

describe('semantic versions', () => {
  it('reads the major number', () => {
    expect(majorVersion('2.10.1')).toBe(2);
    expect(majorVersion('v3.0.0-rc.1')).toBe(3);
    expect(majorVersion('latest')).toBeUndefined();
  });

  it('counts only a raised major number as a major bump', () => {
    expect(isMajorBump('1.9.0', '2.0.0')).toBe(true);
    expect(isMajorBump('1.9.0', '1.10.0')).toBe(false);
    expect(isMajorBump('2.0.0', '1.0.0')).toBe(false);
    expect(isMajorBump(undefined, '2.0.0')).toBe(false);
  });
});

describe('describeUnannouncedBreakingChanges', () => {
  it('says nothing when nothing breaks unannounced, lists changes otherwise', () => {
    const verdict = {
      majorBump: false,
      changes: [],
      breaking: [],
      unannounced: [],
    };
    expect(describeUnannouncedBreakingChanges(verdict)).toBe('');
    const change = {
      kind: 'port-removed' as const,
      breaking: true,
      path: 'spec.outputPorts',
      message: "Output port 'orders' removed",
    };
    expect(
      describeUnannouncedBreakingChanges({
        ...verdict,
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        breaking: [change],
        unannounced: [change],
      }),
    ).toContain(
      "1.0.0 to 1.1.0 without a major version bump:\n  - Output port 'orders' removed",
    );
  });
});
