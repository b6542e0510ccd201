import type { Waiver } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  computeSloObjectives,
  SloOptions,
} from '@datamesh-backstage/plugin-data-mesh-node';
import { STATUS_RANK } from '../../database/rows';
import type { NotificationClaim } from '../../database/NotificationClaimStore';
import type { OutcomeTransition } from '../../database/outcomeTransitions';
import type { AnnouncedBreakingChange } from '../productVersions';
import type { WrittenResults } from '../ResultsWriter';
import { NOTIFICATION_TOPICS, NotificationTopic } from './notificationSettings';

/**
 * One thing to tell about a product, and to whom. Its claim (topic,
 * product, fingerprint) makes sure it is told once.
 */
export interface ProductEvent extends NotificationClaim {
  topic: NotificationTopic;
  /** Entity refs told (the owner, or the governance groups). */
  recipients: string[];
  /** A user not told (who asked for a waiver is not told of the request). */
  excluded?: string;
  /** What happened, in one sentence. */
  line: string;
  severity: 'high' | 'normal';
}

const list = (ids: string[]) => ids.join(', ');

/** Long free text (a waiver's reason) is cut to a sentence's length. */
const quote = (text: string, max = 200) =>
  `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;

/**
 * What an outcome transition tells the product's owner: its status dropped
 * (pass to warn or fail, warn to fail), and error-severity rules broken that
 * were not before. `day` (YYYY-MM-DD) is in the fingerprint: the same change
 * is told at most once a day, however often the product flaps.
 */
export function transitionEvents(
  transition: OutcomeTransition,
  day: string,
): ProductEvent[] {
  const { entityRef, owner, previous, current } = transition;
  if (!owner) {
    return [];
  }
  const events: ProductEvent[] = [];
  if (STATUS_RANK[current.status] < STATUS_RANK[previous.status]) {
    events.push({
      topic: NOTIFICATION_TOPICS.statusDropped,
      entityRef,
      recipients: [owner],
      fingerprint: `${previous.status}>${current.status}@${day}`,
      line: `Status dropped from ${previous.status} to ${current.status} (score ${transition.score}).`,
      severity: current.status === 'fail' ? 'high' : 'normal',
    });
  }
  const before = new Set(previous.errorRuleIds);
  const added = current.errorRuleIds.filter(id => !before.has(id));
  if (added.length > 0) {
    events.push({
      topic: NOTIFICATION_TOPICS.newErrorViolations,
      entityRef,
      recipients: [owner],
      fingerprint: `${list(added)}@${day}`,
      line: `New error-severity violation${added.length > 1 ? 's' : ''}: ${list(
        added,
      )}.`,
      severity: 'high',
    });
  }
  return events;
}

/**
 * An SLO objective of a product whose error budget is used up (the
 * objective's name is the fingerprint: told once until the budget recovers
 * and its claim is released).
 */
export function budgetEvent(
  entityRef: string,
  owner: string,
  objective: { objective: string; compliance: number | null; required: number },
): ProductEvent {
  return {
    topic: NOTIFICATION_TOPICS.errorBudgetExhausted,
    entityRef,
    recipients: [owner],
    fingerprint: objective.objective,
    line: `The error budget of the ${objective.objective} SLO is exhausted (${objective.compliance}% of checks within target, ${objective.required}% required).`,
    severity: 'high',
  };
}

/**
 * The measured SLO objectives of a stored batch whose error budget is used
 * up, and the claims of those whose budget is left (released: a budget used
 * up again is told again). Computed from what the batch was judged on.
 */
export function budgetConditions(
  written: WrittenResults,
  sloOptions: SloOptions,
) {
  const exhausted: ProductEvent[] = [];
  const recovered: NotificationClaim[] = [];
  const kept = new Set(written.kept);
  const { products, cards, measurements } = written.batch;
  cards.forEach((card, i) => {
    const measured = measurements.get(card.entityRef);
    if (!card.owner || !measured || kept.has(card.entityRef)) {
      return;
    }
    const objectives = computeSloObjectives(
      products[i],
      measured.summaries,
      sloOptions,
    );
    for (const status of objectives) {
      if (status.errorBudgetRemaining === null) continue;
      if (status.errorBudgetRemaining <= 0) {
        exhausted.push(budgetEvent(card.entityRef, card.owner, status));
      } else {
        recovered.push({
          topic: NOTIFICATION_TOPICS.errorBudgetExhausted,
          entityRef: card.entityRef,
          fingerprint: status.objective,
        });
      }
    }
  });
  return { exhausted, recovered };
}

/** An approved waiver expiring soon, told to the product's owner once per expiry. */
export function expiryEvent(waiver: Waiver, owner: string): ProductEvent {
  return {
    topic: NOTIFICATION_TOPICS.waiverExpiring,
    entityRef: waiver.entityRef,
    recipients: [owner],
    fingerprint: `${waiver.source}:${waiver.ruleId}:${waiver.expiresAt}`,
    line: `The waiver of ${waiver.ruleId} expires on ${waiver.expiresAt.slice(
      0,
      10,
    )}; its violation counts again after that.`,
    severity: 'normal',
  };
}

/**
 * A new waiver request, told to governance once per request: its content
 * and the day it was asked (two replicas recording the same declaration
 * tell it once).
 */
export function requestEvent(
  waiver: Waiver,
  governanceGroups: string[],
): ProductEvent {
  const by = waiver.requestedBy
    ? `by ${waiver.requestedBy}`
    : "in the product's spec";
  return {
    topic: NOTIFICATION_TOPICS.waiverRequested,
    entityRef: waiver.entityRef,
    recipients: governanceGroups,
    ...(waiver.requestedBy ? { excluded: waiver.requestedBy } : {}),
    fingerprint: JSON.stringify([
      waiver.source,
      waiver.ruleId,
      waiver.reason,
      waiver.expiresAt,
      waiver.requestedAt?.slice(0, 10) ?? null,
    ]),
    line: `Waiver of ${
      waiver.ruleId
    } requested ${by} until ${waiver.expiresAt.slice(0, 10)}: ${quote(
      waiver.reason,
    )}.`,
    severity: 'normal',
  };
}

/**
 * A new major version with breaking changes, told to the product's
 * consumers once per version (the version is the fingerprint), listing
 * the changes. No event when nothing reads the product.
 */
export function breakingChangeEvent(
  announced: AnnouncedBreakingChange,
): ProductEvent[] {
  if (announced.consumers.length === 0) {
    return [];
  }
  return [
    {
      topic: NOTIFICATION_TOPICS.breakingChange,
      entityRef: announced.entityRef,
      recipients: announced.consumers,
      fingerprint: `version ${announced.toVersion}`,
      line: [
        `Version ${announced.toVersion} replaces ${announced.fromVersion} with breaking changes:`,
        ...announced.changes.map(c => `- ${c.message}`),
      ].join('\n'),
      severity: 'high',
    },
  ];
}
