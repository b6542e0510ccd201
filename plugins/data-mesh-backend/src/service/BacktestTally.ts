import {
  DryRunBacktest,
  NO_DOMAIN,
  Scorecard,
} from '@datamesh-backstage/plugin-data-mesh-common';
import {
  PolicySet,
  ruleStandingAt,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { RecordedRules } from '../database/ScorecardHistoryStore';

/** How many days a dry-run replays. */
export const BACKTEST_DAYS = 90;

const DAY_MS = 86_400_000;

interface DayCounts {
  productCount: number;
  failingCount: number;
  domains: Map<string, { productCount: number; failingCount: number }>;
}

/**
 * A proposed pack replayed over the last days of stored history. History
 * keeps, per product and change, the rules it broke, not the product itself,
 * so each day a product is judged by:
 *  - the rules of the other packs as the history recorded them that day
 *    (those with error severity in force that day);
 *  - the proposed pack's rules, counted as enforced unless deprecated, on
 *    the product's current version (its evaluation now).
 * A product counts from the first day its history covers. Holds counters
 * per day and domain only.
 */
export class BacktestTally {
  readonly #days: { day: string; end: Date; counts: DayCounts }[] = [];
  readonly #proposedRules: ReadonlySet<string>;
  readonly #policies: PolicySet;
  readonly #failingRules = new Map<string, ReadonlySet<string>[]>();

  /**
   * `policies` are the proposed policies, `proposedRules` the ids of the
   * rules the proposed pack defines or tightens.
   */
  constructor(options: {
    policies: PolicySet;
    proposedRules: ReadonlySet<string>;
    now: Date;
  }) {
    this.#policies = options.policies;
    this.#proposedRules = options.proposedRules;
    const today = Date.UTC(
      options.now.getUTCFullYear(),
      options.now.getUTCMonth(),
      options.now.getUTCDate(),
    );
    for (let i = BACKTEST_DAYS - 1; i >= 0; i -= 1) {
      const start = today - i * DAY_MS;
      this.#days.push({
        day: new Date(start).toISOString().slice(0, 10),
        // Where a product stood at the end of the day (today: now).
        end: new Date(Math.min(start + DAY_MS, options.now.getTime())),
        counts: { productCount: 0, failingCount: 0, domains: new Map() },
      });
    }
  }

  /** The first moment replayed: history is needed from here on. */
  get from(): string {
    return `${this.#days[0].day}T00:00:00.000Z`;
  }

  /**
   * Adds a product: `proposed` is its current version evaluated under the
   * proposed policies, `history` its recorded rules since `from` (and the
   * entry before), oldest first.
   */
  add(proposed: Scorecard, history: RecordedRules[]): void {
    if (history.length === 0) return;
    // Products without a domain are counted in the explicit bucket.
    const domain = proposed.domain ?? NO_DOMAIN;
    const fromProposedPack = (id: string) => this.#proposedRules.has(id);
    const breaksProposedPack = [
      ...proposed.violations,
      ...(proposed.upcoming ?? [])
        .filter(rule => rule.state !== 'deprecated')
        .flatMap(rule => rule.violations),
    ].some(
      v => !v.waived && v.severity === 'error' && fromProposedPack(v.ruleId),
    );
    const failingRules = this.#failingRulesByDay(proposed.domain);

    let at = -1;
    this.#days.forEach(({ end, counts }, day) => {
      while (
        at + 1 < history.length &&
        Date.parse(history[at + 1].recordedAt) < end.getTime()
      ) {
        at += 1;
      }
      if (at < 0) return;
      const fails =
        breaksProposedPack ||
        history[at].ruleIds.some(id => failingRules[day].has(id));
      const inDomain = counts.domains.get(domain) ?? {
        productCount: 0,
        failingCount: 0,
      };
      counts.domains.set(domain, inDomain);
      counts.productCount += 1;
      inDomain.productCount += 1;
      if (fails) {
        counts.failingCount += 1;
        inDomain.failingCount += 1;
      }
    });
  }

  /**
   * For each replayed day, the rules of the other packs that fail a product
   * of the domain when recorded: error severity and scored at the day's end.
   * Worked out once per domain, not per product.
   */
  #failingRulesByDay(domainRef: string | undefined): ReadonlySet<string>[] {
    const key = domainRef ?? NO_DOMAIN;
    let byDay = this.#failingRules.get(key);
    if (!byDay) {
      const rules = this.#policies
        .rulesFor(domainRef)
        .filter(
          rule =>
            !this.#proposedRules.has(rule.id) && rule.severity === 'error',
        );
      byDay = this.#days.map(
        ({ end }) =>
          new Set(
            rules
              .filter(rule => ruleStandingAt(rule, end).scored)
              .map(rule => rule.id),
          ),
      );
      this.#failingRules.set(key, byDay);
    }
    return byDay;
  }

  result(): DryRunBacktest {
    return {
      from: this.#days[0].day,
      to: this.#days[this.#days.length - 1].day,
      days: this.#days.map(({ day, counts }) => ({
        day,
        productCount: counts.productCount,
        failingCount: counts.failingCount,
        domains: [...counts.domains.entries()]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([domain, c]) => ({ domain, ...c })),
      })),
    };
  }
}
