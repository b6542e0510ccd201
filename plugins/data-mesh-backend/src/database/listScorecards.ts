import { InputError } from '@backstage/errors';
import type {
  ScorecardOrderField,
  ScorecardPage,
  ScorecardStatus,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { NO_DOMAIN } from '@datamesh-backstage/plugin-data-mesh-common';
import { Knex } from 'knex';
import { ScorecardRow, STATUS_RANK, toSummary } from './rows';
import { Visibility, whereVisible } from './visibleProducts';

/** A validated scorecard list request. */
export interface ListScorecardsQuery {
  domain?: string;
  status?: ScorecardStatus;
  type?: string;
  minScore?: number;
  maxScore?: number;
  orderBy: ScorecardOrderField;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

const SORT_COLUMNS: Record<ScorecardOrderField, keyof ScorecardRow> = {
  entityRef: 'entity_ref',
  score: 'score',
  status: 'status_rank',
  type: 'product_type',
};

type Cursor = [value: string | number, entityRef: string];

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(cursor: string, numeric: boolean): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === (numeric ? 'number' : 'string') &&
      typeof value[1] === 'string'
    ) {
      return value as Cursor;
    }
  } catch {
    // fall through
  }
  throw new InputError('cursor: not a cursor returned by this API');
}

/**
 * One page of scorecards in a stable order (the sort column, then the entity
 * ref), resumed from an opaque cursor. Rows the caller may not see are
 * filtered out in SQL (see `whereVisible`): neither listed nor counted.
 */
export async function listScorecards(
  db: Knex,
  query: ListScorecardsQuery,
  visibility: Visibility,
): Promise<ScorecardPage> {
  const column = SORT_COLUMNS[query.orderBy];
  const op = query.order === 'asc' ? '>' : '<';
  const filtered = () => {
    const q = db<ScorecardRow>('scorecards');
    if (query.domain === NO_DOMAIN) q.whereNull('domain');
    else if (query.domain) q.where('domain', query.domain);
    if (query.status) q.where('status_rank', STATUS_RANK[query.status]);
    if (query.type) q.where('product_type', query.type);
    if (query.minScore !== undefined) q.where('score', '>=', query.minScore);
    if (query.maxScore !== undefined) q.where('score', '<=', query.maxScore);
    return whereVisible(q, 'entity_ref', visibility);
  };
  const after = (q: Knex.QueryBuilder, cursor: Cursor) =>
    column === 'entity_ref'
      ? q.where('entity_ref', op, cursor[1])
      : q.where(inner =>
          inner
            .where(column, op, cursor[0])
            .orWhere(same =>
              same
                .where(column, cursor[0])
                .andWhere('entity_ref', op, cursor[1]),
            ),
        );
  const page = async (cursor: Cursor | undefined, size: number) => {
    const q = filtered()
      .select('*')
      .orderBy(column, query.order)
      .orderBy('entity_ref', query.order)
      .limit(size);
    return (cursor ? after(q, cursor) : q) as Promise<ScorecardRow[]>;
  };
  const cursorOf = (row: ScorecardRow): Cursor => [
    row[column] as string | number,
    row.entity_ref,
  ];

  const numeric = column === 'score' || column === 'status_rank';
  const cursor = query.cursor ? decodeCursor(query.cursor, numeric) : undefined;
  const [rows, [{ count }]] = await Promise.all([
    page(cursor, query.limit + 1),
    filtered().count({ count: '*' }),
  ]);
  const totalItems = Number(count);
  const items = rows.slice(0, query.limit);
  return {
    items: items.map(toSummary),
    totalItems,
    nextCursor:
      rows.length > query.limit
        ? encodeCursor(cursorOf(items[items.length - 1]))
        : undefined,
  };
}
