import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DataProductEntityV1alpha1,
  validateDataProductEntity,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { ScorecardStore } from '../database/ScorecardStore';
import { CATALOG_PAGE_SIZE, CatalogReader } from './CatalogReader';
import { ResultsWriter } from './ResultsWriter';

/** What a sweep did with the products its paged read missed. */
export interface LeftoverTotals {
  /** Found by ref and evaluated. */
  read: number;
  /** Of those, how many outcomes changed. */
  changed: number;
  /** Confirmed gone by the catalog, and forgotten. */
  removed: number;
}

/**
 * Stored products the paged read did not return (a read misses entities
 * the catalog stitches while it runs), a page at a time: each is looked up
 * by ref. Found, it is evaluated and stored (`store`); not found, the
 * catalog confirms it is gone and it is forgotten; found but no longer
 * valid, its result stays (stale) as the catalog reports the error itself.
 */
export async function sweepLeftovers(
  deps: {
    scorecards: ScorecardStore;
    reader: CatalogReader;
    writer: ResultsWriter;
  },
  options: {
    /** The sweep's start: products evaluated before it were not read. */
    evaluatedBefore: string;
    credentials: BackstageCredentials;
    /** Evaluates and stores products; returns how many outcomes changed. */
    store: (products: DataProductEntityV1alpha1[]) => Promise<number>;
  },
): Promise<LeftoverTotals> {
  const { credentials, store } = options;
  const totals = { read: 0, changed: 0, removed: 0 };
  let after: string | undefined;
  for (;;) {
    const refs = await deps.scorecards.evaluatedBefore(
      options.evaluatedBefore,
      { after, limit: CATALOG_PAGE_SIZE },
    );
    if (refs.length === 0) {
      return totals;
    }
    after = refs[refs.length - 1];
    const entities = await deps.reader.readByRefs(refs, credentials);
    const valid = entities.filter(
      (e): e is DataProductEntityV1alpha1 =>
        Boolean(e) && validateDataProductEntity(e!).valid,
    );
    const invalid = refs.filter(
      (_, i) => entities[i] && !validateDataProductEntity(entities[i]!).valid,
    );
    totals.read += valid.length;
    totals.changed += valid.length ? await store(valid) : 0;
    totals.removed += await deps.writer.forget(
      refs.filter((_, i) => !entities[i]),
    );
    if (invalid.length) {
      await deps.scorecards.markStale(
        'The catalog holds a version of this product that is not a valid DataProduct',
        { entityRefs: invalid },
      );
    }
  }
}
