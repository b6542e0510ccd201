import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type {
  KpiHistorySeriesResponse,
  KpiId,
  KpisResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { KpiSnapshotStore } from '../../database/KpiSnapshotStore';
import { KpiInputStore } from '../../database/KpiInputStore';
import { CatalogReader } from '../CatalogReader';
import {
  EVERY_PRODUCT,
  seesNothing,
  Visibility,
} from '../../database/visibleProducts';
import { computeKpis, DomainSums } from './computeKpis';
import { sumsFromAggregate } from './domainSums';

/** The Monday of the week a day belongs to. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The mesh-adoption KPIs: now, as daily snapshots, and over time. */
export class KpiService {
  /** Per-domain sums of every product, as of a facts version. */
  #memo?: { version: number; sums: Map<string, DomainSums> };

  constructor(
    private readonly deps: {
      kpiInputs: KpiInputStore;
      snapshots: KpiSnapshotStore;
      reader: CatalogReader;
      auth: AuthService;
      retentionDays: number;
      now?: () => Date;
    },
  ) {}

  #now() {
    return this.deps.now?.() ?? new Date();
  }

  /** The KPIs over the products (and Domains) the caller may see. */
  async current(
    credentials: BackstageCredentials,
    visibility: Visibility,
  ): Promise<Omit<KpisResponse, 'freshness'>> {
    const [domains, sums] = await Promise.all([
      this.deps.reader.readDomains(credentials),
      visibility.all ? this.#allSums() : this.#visibleSums(visibility),
    ]);
    return {
      generatedAt: this.#now().toISOString(),
      kpis: computeKpis(domains, sums),
    };
  }

  /** The sums over the visible products, aggregated in SQL. */
  async #visibleSums(visibility: Visibility): Promise<Map<string, DomainSums>> {
    if (seesNothing(visibility)) {
      return new Map();
    }
    const [aggregate, deliveries] = await Promise.all([
      this.deps.kpiInputs.sumsByDomain(visibility),
      this.deps.kpiInputs.deliveries(visibility),
    ]);
    return sumsFromAggregate(aggregate, deliveries);
  }

  /**
   * The sums over every product: recomputed only when the facts changed
   * since (on any replica), which one small query tells.
   */
  async #allSums(): Promise<Map<string, DomainSums>> {
    const version = await this.deps.kpiInputs.version();
    if (this.#memo?.version !== version) {
      const [aggregate, deliveries] = await Promise.all([
        this.deps.kpiInputs.sumsByDomain(EVERY_PRODUCT),
        this.deps.kpiInputs.deliveries(EVERY_PRODUCT),
      ]);
      this.#memo = { version, sums: sumsFromAggregate(aggregate, deliveries) };
    }
    return this.#memo.sums;
  }

  /**
   * Records today's KPIs over every product. Run as a global scheduled task:
   * a second run on the same day (or on another replica) replaces the day's
   * row, so there is exactly one snapshot per day.
   */
  async snapshot(): Promise<void> {
    const now = this.#now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { kpis } = await this.current(credentials, { all: true });
    const iso = now.toISOString();
    await this.deps.snapshots.save(iso.slice(0, 10), kpis, iso);
    const cutoff = new Date(
      now.getTime() - this.deps.retentionDays * 86_400_000,
    );
    await this.deps.snapshots.deleteBefore(cutoff.toISOString().slice(0, 10));
  }

  /**
   * Takes today's snapshot unless there is one: after each successful sweep,
   * so that the dashboard's trends show today from the first complete sweep
   * on, not only after the hourly snapshot.
   */
  async snapshotIfMissing(): Promise<void> {
    const today = this.#now().toISOString().slice(0, 10);
    if (!(await this.deps.snapshots.hasDay(today))) {
      await this.snapshot();
    }
  }

  /**
   * KPI values by day or week (the last snapshot of each week) from the
   * snapshots. Snapshots cover every product, so callers who may not see
   * them all get no points.
   */
  async history(
    range: { from: string; to: string; interval: 'day' | 'week' },
    visibility: Visibility,
  ): Promise<KpiHistorySeriesResponse> {
    if (!visibility.all) {
      return { ...range, dates: [], series: {}, restricted: true };
    }
    const dates: string[] = [];
    const series: KpiHistorySeriesResponse['series'] = {};
    for (const snapshot of await this.deps.snapshots.range(
      range.from,
      range.to,
    )) {
      const date =
        range.interval === 'week' ? weekOf(snapshot.day) : snapshot.day;
      if (dates[dates.length - 1] !== date) {
        dates.push(date);
      }
      // Snapshots come oldest first: a week keeps its last day's values.
      const values = series[snapshot.kpiId] ?? [];
      series[snapshot.kpiId] = values;
      values[dates.length - 1] = snapshot.value;
    }
    for (const id of Object.keys(series) as KpiId[]) {
      series[id] = Array.from(
        { length: dates.length },
        (_, i) => series[id]![i] ?? null,
      );
    }
    return { ...range, dates, series };
  }
}
