import { mockCredentials } from '@backstage/backend-test-utils';
import type { accessHarness } from './accessHarness';

/** The requester of the access harness's requests. */
export const JO = mockCredentials.user('user:default/jo');
/** An owner of the access harness's products, who decides requests. */
export const ANN = mockCredentials.user('user:default/ann');
/** The consumer of the agreements made here. */
export const AGREEMENT_CONSUMER = 'component:default/churn-model';

/**
 * The agreement of a request for orders' table by the churn model, made by
 * Jo and approved by Ann, as it stands after approval (provisioned or not).
 */
export async function approvedAgreement(
  t: Awaited<ReturnType<typeof accessHarness>>,
  until = '2026-12-20T10:00:00.000Z',
) {
  const request = await t.accessService.request(
    {
      product: 'dataproduct:default/orders',
      port: 'table',
      consumer: AGREEMENT_CONSUMER,
      purpose: 'churn prediction',
      fields: [],
      until,
    },
    JO,
  );
  await t.accessService.decide(request.id, { status: 'approved' }, ANN);
  return (await t.agreements.get(
    (await t.requests.get(request.id))!.agreementId!,
  ))!;
}
