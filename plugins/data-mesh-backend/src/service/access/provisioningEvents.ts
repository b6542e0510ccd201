import type { StoredAgreement } from '../../database/AccessRequestStore';
import type {
  AccessProvisioner,
  AgreementProvisioningEvent,
} from '@datamesh-backstage/plugin-data-mesh-node';

/** The actor the audit trail names for what the plugin does itself. */
export const PLUGIN_ACTOR = 'data-mesh';

/** What provisioners are told of an agreement. */
export const provisioningEventOf = (
  agreement: StoredAgreement,
): AgreementProvisioningEvent => ({
  agreementId: agreement.id,
  product: agreement.product,
  port: agreement.port,
  consumer: agreement.consumer,
  fields: agreement.fields,
  purpose: agreement.purpose,
  expiresAt: agreement.expiresAt,
});

/**
 * Grants (or removes) an agreement's access through every provisioner, in
 * order; the first failure stops the round and is thrown.
 */
export async function provisionAll(
  provisioners: AccessProvisioner[],
  verb: 'grant' | 'revoke',
  agreement: StoredAgreement,
): Promise<void> {
  const event = provisioningEventOf(agreement);
  for (const provisioner of provisioners) {
    await provisioner[verb](event);
  }
}
