export {
  useScorecard,
  useScorecardHistory,
  useScorecardUpdates,
  useProductWaivers,
  useSloStatus,
  useDomainRollups,
  useDomainDetails,
  useScorecardPage,
  useKpis,
  useKpiHistory,
} from './useDataMeshQueries';
export type { DataMeshQueryState } from './useDataMeshQueries';
export { useCursorPaging } from './useCursorPaging';
export type { CursorPaging } from './useCursorPaging';
