import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AgreementStore } from '../../database/AgreementStore';
import type { AccessNotifier } from './AccessNotifier';
import { PLUGIN_ACTOR } from './provisioningEvents';

/**
 * Ends every agreement whose expiry has passed at `now`, through `end`
 * (which removes access), then reminds consumers of the agreements expiring
 * within `leadTimeMs`. Returns how many expired; one agreement that cannot
 * be ended is logged and does not stop the others.
 */
export async function expireAndRemind(
  deps: {
    agreements: AgreementStore;
    notifier: AccessNotifier;
    logger: LoggerService;
    end: (
      id: string,
      ending: 'expired',
      reason: string,
      actor: string,
    ) => Promise<{ status: string }>;
  },
  now: Date,
  leadTimeMs: number,
): Promise<number> {
  const due = await deps.agreements.due(now.toISOString());
  let expired = 0;
  for (const agreement of due) {
    try {
      const ended = await deps.end(
        agreement.id,
        'expired',
        `expired at ${agreement.expiresAt}`,
        PLUGIN_ACTOR,
      );
      if (ended.status === 'expired') expired += 1;
    } catch (error) {
      deps.logger.warn(`Could not end agreement ${agreement.id}: ${error}`);
    }
  }
  const expiring = await deps.agreements.expiring({
    from: now.toISOString(),
    to: new Date(now.getTime() + leadTimeMs).toISOString(),
  });
  await deps.notifier.expiring(expiring, now.toISOString());
  return expired;
}
