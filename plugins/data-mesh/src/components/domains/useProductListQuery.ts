import {
  DATA_PRODUCT_TYPES,
  SCORECARD_STATUSES,
  ScorecardOrderField,
  ScorecardQuery,
  ScorecardStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { useSearchParamsState } from '../shared/useSearchParamsState';

/** Page sizes offered in the table. */
export const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
/** The largest page a URL may ask for: a page never holds more rows. */
const MAX_PAGE_SIZE = 100;
const ORDER_FIELDS: ScorecardOrderField[] = [
  'entityRef',
  'score',
  'status',
  'type',
];

/** The filters, order and page size of a product list (no cursor). */
export type ProductListQuery = Required<
  Pick<ScorecardQuery, 'orderBy' | 'order' | 'limit'>
> &
  Pick<ScorecardQuery, 'status' | 'type' | 'minScore' | 'maxScore'>;

const pick = <T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);

/** A score between 0 and 100, or undefined. */
function score(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 && number <= 100
    ? number
    : undefined;
}

/** Reads a product list query from URL search parameters, ignoring invalid values. */
export function parseProductListQuery(
  params: URLSearchParams,
): ProductListQuery {
  const limit = Number(params.get('limit'));
  return {
    status: pick<ScorecardStatus>(params.get('status'), SCORECARD_STATUSES),
    type: pick(params.get('type'), DATA_PRODUCT_TYPES),
    minScore: score(params.get('minScore')),
    maxScore: score(params.get('maxScore')),
    orderBy: pick(params.get('orderBy'), ORDER_FIELDS) ?? 'score',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    limit:
      Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE
        ? limit
        : DEFAULT_PAGE_SIZE,
  };
}

/** The product list's query, in the URL. Worst scores first by default. */
export function useProductListQuery() {
  return useSearchParamsState(parseProductListQuery);
}
