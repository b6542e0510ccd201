import type { DataProductEntityV1alpha1 } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  approvalMode,
  approvedAutomatically,
  productDomain,
} from './accessChecks';

/** A product imported from an open standard that gives no domain. */
const imported = (domain?: string): DataProductEntityV1alpha1 => ({
  apiVersion: 'datamesh.io/v1alpha1',
  kind: 'DataProduct',
  metadata: {
    name: 'payments',
    annotations: { 'datamesh.io/source-format': 'dcs' },
  },
  spec: { owner: 'payments-team', ...(domain ? { domain } : {}) },
});

describe('access checks of a product without a domain', () => {
  it('has no domain, and takes the default mode rather than a domain rule', () => {
    expect(productDomain(imported())).toBeUndefined();
    expect(productDomain(imported('finance'))).toBe('domain:default/finance');
    const settings = {
      defaultMode: 'manual' as const,
      productModes: new Map(),
      domainModes: new Map([['domain:default/finance', 'automatic' as const]]),
    };
    expect(approvalMode(imported(), settings)).toBe('manual');
    expect(approvalMode(imported('finance'), settings)).toBe('automatic');
  });

  it('shares no domain with a consumer that has none either: never approved automatically', () => {
    expect(approvedAutomatically(imported(), [], undefined)).toBe(false);
    expect(
      approvedAutomatically(imported('finance'), [], 'domain:default/finance'),
    ).toBe(true);
  });
});
