import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import type { SloOptions } from '@datamesh-backstage/plugin-data-mesh-node';
import { NotificationClaimStore } from '../../database/NotificationClaimStore';
import { WaiverStore } from '../../database/WaiverStore';
import type { WrittenResults } from '../ResultsWriter';
import { NotificationRound } from './NotificationRound';
import { ScorecardSignals } from './ScorecardSignals';
import { NotificationSettings } from './notificationSettings';
import {
  breakingChangeEvent,
  budgetConditions,
  expiryEvent,
  ProductEvent,
  requestEvent,
  transitionEvents,
} from './productEvents';

/**
 * Tells people what changed, through Backstage's notifications: owners when
 * their product's status drops, a new error-severity violation appears, an
 * SLO's error budget is used up, or an approved waiver is about to expire;
 * consumers when a product they read publishes a new major version with
 * breaking changes (once per version);
 * governance when a waiver is asked for. Each thing is claimed before it is
 * told, so it is told once across sweeps and replicas; a round (a sweep, a
 * re-score) sends at its end, grouped (see NotificationRound). Open
 * scorecard pages are told through Backstage Signals.
 */
export class GovernanceNotifier {
  constructor(
    private readonly deps: {
      claims: NotificationClaimStore;
      waivers: WaiverStore;
      settings: NotificationSettings;
      sloOptions: SloOptions;
      /** Absent (benchmarks, some tests): nothing is claimed or sent. */
      notifications?: NotificationService;
      /** Tells open scorecard pages. */
      scorecardSignals: ScorecardSignals;
      logger: LoggerService;
      /** The clock (injected in tests). */
      now?: () => Date;
    },
  ) {}

  /** A new round: what one sweep, re-score or request tells. */
  startRound(): NotificationRound {
    return new NotificationRound(this.deps.settings.digestThreshold);
  }

  /**
   * After a batch was stored: signals for the products whose scorecard
   * changed; then the changes to tell, claimed, added to the round. A
   * failure is logged: what was stored stays stored.
   */
  async written(
    round: NotificationRound,
    written: WrittenResults,
    now: Date,
  ): Promise<void> {
    await this.deps.scorecardSignals.publish(written.changed);
    if (!this.deps.notifications) {
      return;
    }
    const day = now.toISOString().slice(0, 10);
    try {
      const budgets = budgetConditions(written, this.deps.sloOptions);
      await this.#claim(round, now, [
        ...written.transitions.flatMap(t => transitionEvents(t, day)),
        ...budgets.exhausted,
        ...this.#requestEvents(written.batch.waiverRequests),
        ...written.breakingChanges.flatMap(breakingChangeEvent),
      ]);
      await this.deps.claims.release(budgets.recovered);
    } catch (error) {
      this.deps.logger.warn(
        `Could not prepare data mesh notifications: ${error}`,
      );
    }
  }

  /**
   * Approved waivers of fresh products expiring within the lead time, told
   * to their owners once per waiver and expiry.
   */
  async remindExpiringWaivers(
    round: NotificationRound,
    now: Date,
  ): Promise<void> {
    if (!this.deps.notifications) {
      return;
    }
    const to = now.getTime() + this.deps.settings.waiverLeadTimeMs;
    try {
      const expiring = await this.deps.waivers.approvedExpiring({
        from: now.toISOString(),
        to: new Date(to).toISOString(),
      });
      await this.#claim(
        round,
        now,
        expiring.map(({ waiver, owner }) => expiryEvent(waiver, owner)),
      );
    } catch (error) {
      this.deps.logger.warn(`Could not look for expiring waivers: ${error}`);
    }
  }

  /** Tells governance of waiver requests, at once (a round of their own). */
  async waiversRequested(waivers: Waiver[]): Promise<void> {
    if (!this.deps.notifications || waivers.length === 0) {
      return;
    }
    const now = this.deps.now?.() ?? new Date();
    const round = this.startRound();
    try {
      await this.#claim(round, now, this.#requestEvents(waivers));
    } catch (error) {
      this.deps.logger.warn(`Could not claim waiver notifications: ${error}`);
    }
    await this.send(round);
  }

  /** Tells what one re-score stored, at once (a round of its own). */
  async rescored(written: WrittenResults, now: Date): Promise<void> {
    const round = this.startRound();
    await this.written(round, written, now);
    await this.send(round);
  }

  /** Sends a round's notifications; failures are logged, never thrown. */
  async send(round: NotificationRound): Promise<void> {
    const { notifications: service } = this.deps;
    const notifications = service ? round.notifications() : [];
    let failed = 0;
    let firstError: unknown;
    for (const notification of notifications) {
      try {
        await service!.send(notification);
      } catch (error) {
        failed += 1;
        firstError ??= error;
      }
    }
    if (failed) {
      this.deps.logger.warn(
        `Could not send ${failed} of ${notifications.length} data mesh notifications: ${firstError}`,
      );
    }
  }

  #requestEvents(waivers: Waiver[]): ProductEvent[] {
    const groups = this.deps.settings.governanceGroups;
    return groups.length ? waivers.map(w => requestEvent(w, groups)) : [];
  }

  async #claim(round: NotificationRound, now: Date, events: ProductEvent[]) {
    const { enabledTopics } = this.deps.settings;
    const wanted = events.filter(event => enabledTopics.has(event.topic));
    round.add(await this.deps.claims.claim(wanted, now.toISOString()));
  }
}
