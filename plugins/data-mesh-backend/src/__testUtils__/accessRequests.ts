import type { NewAccessRequest } from '../database/AccessRequestStore';

/** A manual request for customer-360's table by a component, with overrides. */
export const newRequest = (
  overrides: Partial<NewAccessRequest> = {},
): NewAccessRequest => ({
  product: 'dataproduct:default/customer-360',
  port: 'customer-360-table',
  consumer: 'component:default/churn-model',
  purpose: 'churn prediction',
  fields: ['customer_id'],
  until: '2027-03-01T00:00:00.000Z',
  mode: 'manual',
  requestedBy: 'user:default/jo',
  ...overrides,
});
