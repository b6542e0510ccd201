import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AccessProvisioner,
  AgreementProvisioningEvent,
} from '@datamesh-backstage/plugin-data-mesh-node';

/**
 * The example portal's provisioner: it logs each grant and revoke instead of
 * creating a database grant, a Kafka ACL or an IAM binding. Both are safe to
 * run again, as the data-mesh plugin requires.
 */
export class LoggingAccessProvisioner implements AccessProvisioner {
  constructor(private readonly logger: LoggerService) {}

  async grant(event: AgreementProvisioningEvent): Promise<void> {
    this.logger.info(
      `Grant ${event.consumer} access to ${event.product} port ${event.port} until ${event.expiresAt} (agreement ${event.agreementId})`,
    );
  }

  async revoke(event: AgreementProvisioningEvent): Promise<void> {
    this.logger.info(
      `Revoke ${event.consumer} access to ${event.product} port ${event.port} (agreement ${event.agreementId})`,
    );
  }
}
