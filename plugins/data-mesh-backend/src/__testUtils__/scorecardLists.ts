import { Knex } from 'knex';
import {
  listScorecards,
  ListScorecardsQuery,
} from '../database/listScorecards';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseScorecardStore } from '../database/DatabaseScorecardStore';
import { EVERY_PRODUCT, Visibility } from '../database/visibleProducts';
import { scorecard } from './scorecards';

/**
 * 25 scorecards (`p00` … `p24`) over two domains and two types, with 0 to 3
 * violations each, in a migrated database.
 */
export async function seedListedScorecards(knex: Knex): Promise<Knex> {
  await applyDatabaseMigrations(knex);
  const cards = Array.from({ length: 25 }, (_, i) =>
    scorecard(`p${String(i).padStart(2, '0')}`, {
      domain: i % 2 ? 'order' : 'customer',
      type: i % 3 ? 'aggregate' : 'source-aligned',
      violations: Array.from({ length: i % 4 }, (__, j) => ({
        ruleId: `R-${j}`,
        severity: j === 2 ? 'error' : 'warning',
      })),
    }),
  );
  await new DatabaseScorecardStore(knex).saveResults(
    cards,
    '2026-11-20T10:00:00.000Z',
  );
  return knex;
}

/**
 * Every page of a list, following its cursors: `name:score` of each item
 * (`p07:96`) and how many pages there were. Each page holds at most the limit.
 */
export async function collectPages(
  knex: Knex,
  query: ListScorecardsQuery,
  visibility: Visibility = EVERY_PRODUCT,
) {
  const refs: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listScorecards(knex, { ...query, cursor }, visibility);
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    refs.push(
      ...page.items.map(item => `${item.entityRef.slice(-3)}:${item.score}`),
    );
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { refs, pages };
}
