import type { Entity } from '@backstage/catalog-model';
import type {
  AccessRequest,
  Agreement,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';

/** The signed-in user of the access tests, a member of the analytics team. */
export const ME = 'user:default/ana';

/** The identity the access tests run with. */
export const accessApis = [
  [
    identityApiRef,
    mockApis.identity({
      userEntityRef: ME,
      ownershipEntityRefs: [ME, 'group:default/analytics'],
    }),
  ],
] as const;

/** The PII purposes the access tests configure. */
export const accessConfig = {
  app: { baseUrl: 'http://localhost:3000' },
  backend: { baseUrl: 'http://localhost:7007' },
  dataMesh: {
    access: { piiPurposes: ['fraud-prevention', 'customer-support'] },
  },
};

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', title: name },
  spec: { owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

/** A component the analytics team owns, and one it does not. */
export const consumerEntities = [
  component('churn-model', 'group:default/analytics'),
  component('someone-elses-service', 'group:default/finance'),
];

/** An access request to customer-360, pending unless overridden. */
export const accessRequest = (
  overrides: Partial<AccessRequest> = {},
): AccessRequest => ({
  id: 'req-1',
  product: 'dataproduct:default/customer-360',
  port: 'customer-360-table',
  consumer: 'component:default/fraud-model',
  purpose: 'fraud-prevention',
  purposeShareable: false,
  fields: ['customer_id'],
  until: '2099-01-31T23:59:59.000Z',
  status: 'pending',
  mode: 'manual',
  requestedBy: 'user:default/bob',
  requestedAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

/** An agreement of customer-360, active unless overridden. */
export const agreement = (overrides: Partial<Agreement> = {}): Agreement => ({
  id: 'agr-1',
  requestId: 'req-0',
  product: 'dataproduct:default/customer-360',
  port: 'customer-360-table',
  consumer: 'component:default/fraud-model',
  purpose: 'fraud-prevention',
  purposeShareable: false,
  fields: [],
  requestedBy: 'user:default/bob',
  approvedBy: 'user:default/carol',
  approvedAt: '2026-10-01T10:00:00.000Z',
  expiresAt: '2099-01-31T23:59:59.000Z',
  status: 'active',
  updatedAt: '2026-10-01T10:00:00.000Z',
  ...overrides,
});
