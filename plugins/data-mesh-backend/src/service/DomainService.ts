import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  DomainDetailsResponse,
  DomainRollup,
  DomainRollupsResponse,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { NO_DOMAIN } from '@datamesh-backstage/plugin-data-mesh-common';
import {
  PolicySet,
  ruleStandingAt,
  summarizeRollup,
} from '@datamesh-backstage/plugin-data-mesh-node';
import type { ListScorecardsQuery } from '../database/listScorecards';
import type { ScorecardStore } from '../database/ScorecardStore';
import { MESH, RollupStore } from '../database/RollupStore';
import { CatalogReader } from './CatalogReader';
import { FreshnessService } from './FreshnessService';
import { Visibility, VisibilityService } from './VisibilityService';

const TREND_DAYS = 30;

/**
 * Domains as a caller sees them: the rollup of each domain and of the mesh
 * over the products the caller may read, and one domain's products a page
 * at a time. The REST routes and the actions both read domains here.
 */
export class DomainService {
  constructor(
    private readonly deps: {
      logger: LoggerService;
      scorecards: ScorecardStore;
      rollups: RollupStore;
      freshness: FreshnessService;
      reader: CatalogReader;
      visibility: VisibilityService;
      /** The effective policies, for the rules upcoming in a domain. */
      policies: () => PolicySet;
      now?: () => Date;
    },
  ) {}

  /** Every domain's rollup and the mesh's, over the caller's products. */
  async rollups(
    credentials: BackstageCredentials,
  ): Promise<DomainRollupsResponse> {
    return (await this.#rollups(credentials)).response;
  }

  /**
   * One domain (an entity ref) with a page of its products the caller may
   * see; NotFoundError when neither the catalog nor the scorecards know it.
   */
  async details(
    credentials: BackstageCredentials,
    domainRef: string,
    query: Omit<ListScorecardsQuery, 'domain'>,
  ): Promise<DomainDetailsResponse> {
    const { response, visible } = await this.#rollups(credentials);
    const domain = response.domains.find(d => d.domain === domainRef);
    if (!domain) {
      throw new NotFoundError(`No domain ${domainRef}`);
    }
    return {
      domain,
      products: await this.deps.scorecards.list(
        { ...query, domain: domainRef },
        visible,
      ),
      freshness: response.freshness,
      upcomingRules: this.#upcomingRules(domainRef),
    };
  }

  /** The rules that apply in a domain and are not scored now. */
  #upcomingRules(domainRef: string): DomainDetailsResponse['upcomingRules'] {
    const policies = this.deps.policies();
    const now = this.deps.now?.() ?? new Date();
    const upcoming = new Set(
      policies
        .rulesFor(domainRef)
        .filter(rule => !ruleStandingAt(rule, now).scored)
        .map(rule => `${rule.id}\u0000${rule.scope}`),
    );
    return policies
      .describe()
      .filter(rule => upcoming.has(`${rule.id}\u0000${rule.scope}`));
  }

  async #rollups(credentials: BackstageCredentials): Promise<{
    response: DomainRollupsResponse;
    visible: Visibility;
  }> {
    const { rollups, reader, visibility } = this.deps;
    const visible = await visibility.visibleProducts(credentials);
    const fromDay = new Date(Date.now() - TREND_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const [current, catalogDomains, trends, freshness] = await Promise.all([
      rollups.current(visible),
      reader.readDomains(credentials).catch(error => {
        this.deps.logger.warn(
          `Could not read domains from the catalog: ${error}`,
        );
        return new Map<string, { title?: string }>();
      }),
      // Daily history covers every product: only shown to callers who see them all.
      visible.all ? rollups.trends(fromDay) : Promise.resolve(new Map()),
      this.deps.freshness.current(),
    ]);
    const refs = new Set([...catalogDomains.keys(), ...current.domains.keys()]);
    const domains: DomainRollup[] = [...refs].map(ref => ({
      domain: ref,
      // Products without a domain (imported from a standard that gives none)
      // are counted in their own bucket, named as such.
      title: ref === NO_DOMAIN ? 'No domain' : catalogDomains.get(ref)?.title,
      ...(current.domains.get(ref) ?? summarizeRollup([])),
      trend: trends.get(ref) ?? [],
    }));
    domains.sort((a, b) =>
      (a.title ?? a.domain).localeCompare(b.title ?? b.domain),
    );
    return {
      visible,
      response: {
        mesh: { ...current.mesh, trend: trends.get(MESH) ?? [] },
        domains,
        stale: freshness.stale,
        freshness,
      },
    };
  }
}
