import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import { scorecardSignalChannel } from '@datamesh-backstage/plugin-data-mesh-common';
import type {
  DomainDetailsResponse,
  DomainRollupsResponse,
  KpiHistoryResponse,
  KpisResponse,
  Scorecard,
  ScorecardHistoryEntry,
  ScorecardPage,
  ScorecardQuery,
  ScorecardUpdatedMessage,
  SloStatusResponse,
  Waiver,
} from '@datamesh-backstage/plugin-data-mesh-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dataMeshApiRef } from '../api/dataMeshApiRef';

/**
 * The state of a data-mesh request: `loading`, `error` or `value` (kept from
 * the previous request while the next one loads), and `retry`.
 * @public
 */
export interface DataMeshQueryState<T> {
  /** Whether a request is under way. */
  loading: boolean;
  /** The last request's error. */
  error?: Error;
  /** The last loaded value. */
  value?: T;
  /** Sends the request again. */
  retry: () => void;
}

function useQuery<T>(
  run: () => Promise<T>,
  deps: unknown[],
): DataMeshQueryState<T> {
  const state = useAsyncRetry(run, deps);
  return {
    loading: state.loading,
    error: state.error,
    value: state.value,
    retry: state.retry,
  };
}

/**
 * The last announcement that a product's stored scorecard changed, through
 * Backstage Signals (the data-mesh backend publishes one on the product's
 * channel, `scorecardSignalChannel`, whenever it stores a new result): a
 * new object on each announcement, null before the first. Hooks that read
 * the scorecard list it among their dependencies, so an open page reads
 * the scorecard again when it changes.
 *
 * Without the signals plugin in the app (no `signalApiRef`), it stays null
 * and pages load once, as before.
 * @public
 */
export function useScorecardUpdates(
  entityRef: string,
): ScorecardUpdatedMessage | null {
  const { lastSignal } = useSignal<{ entityRef: string }>(
    scorecardSignalChannel(entityRef),
  );
  return lastSignal;
}

/**
 * The stored scorecard of a product; `value` undefined when not scored yet.
 * Read again whenever the backend signals that it changed (with Backstage
 * Signals installed).
 * @public
 */
export function useScorecard(
  entityRef: string,
): DataMeshQueryState<Scorecard | undefined> {
  const api = useApi(dataMeshApiRef);
  const update = useScorecardUpdates(entityRef);
  return useQuery(() => api.getScorecard(entityRef), [api, entityRef, update]);
}

/**
 * The changes of a product's governance result, oldest first; read again
 * whenever the backend signals that the scorecard changed.
 * @public
 */
export function useScorecardHistory(
  entityRef: string,
): DataMeshQueryState<ScorecardHistoryEntry[]> {
  const api = useApi(dataMeshApiRef);
  const update = useScorecardUpdates(entityRef);
  return useQuery(
    async () => (await api.getScorecardHistory(entityRef)).items,
    [api, entityRef, update],
  );
}

/**
 * The waivers of a product (from its spec and from the API), in every
 * status; the scorecard's `waivers` say which count and why. @public
 */
export function useProductWaivers(
  entityRef: string,
): DataMeshQueryState<Waiver[]> {
  const api = useApi(dataMeshApiRef);
  return useQuery(
    async () => (await api.listWaivers({ entityRef })).items,
    [api, entityRef],
  );
}

/** SLO compliance of a product; `value` undefined when nothing is known. @public */
export function useSloStatus(
  entityRef: string,
): DataMeshQueryState<SloStatusResponse | undefined> {
  const api = useApi(dataMeshApiRef);
  return useQuery(() => api.getSloStatus(entityRef), [api, entityRef]);
}

/** Rollups of every domain and of the whole mesh. @public */
export function useDomainRollups(): DataMeshQueryState<DomainRollupsResponse> {
  const api = useApi(dataMeshApiRef);
  return useQuery(() => api.listDomains(), [api]);
}

/** A domain's rollup and one page of its products; `value` undefined for an unknown domain. @public */
export function useDomainDetails(
  domainRef: string,
  query: Omit<ScorecardQuery, 'domain'>,
): DataMeshQueryState<DomainDetailsResponse | undefined> {
  const api = useApi(dataMeshApiRef);
  const key = JSON.stringify(query);
  return useQuery(
    () => api.getDomain(domainRef, JSON.parse(key)),
    [api, domainRef, key],
  );
}

/** One page of scorecards over the whole mesh. @public */
export function useScorecardPage(
  query: ScorecardQuery,
): DataMeshQueryState<ScorecardPage> {
  const api = useApi(dataMeshApiRef);
  const key = JSON.stringify(query);
  return useQuery(() => api.listScorecards(JSON.parse(key)), [api, key]);
}

/** The mesh-adoption KPIs now. @public */
export function useKpis(): DataMeshQueryState<KpisResponse> {
  const api = useApi(dataMeshApiRef);
  return useQuery(() => api.getKpis(), [api]);
}

/** KPI values over a date range (`YYYY-MM-DD`), per day or week. @public */
export function useKpiHistory(query: {
  from?: string;
  to?: string;
  interval?: 'day' | 'week';
}): DataMeshQueryState<KpiHistoryResponse> {
  const api = useApi(dataMeshApiRef);
  const { from, to, interval } = query;
  return useQuery(
    () => api.getKpiHistory({ from, to, interval }),
    [api, from, to, interval],
  );
}
