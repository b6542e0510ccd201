import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createHash } from 'node:crypto';
import { VisibilitySnapshotStore } from '../database/VisibilitySnapshotStore';
import {
  EVERY_PRODUCT,
  NO_PRODUCT,
  Visibility,
} from '../database/visibleProducts';
import { CatalogReader, fromCatalog } from './CatalogReader';

export type { Visibility } from '../database/visibleProducts';

/** How visibility snapshots are reused and kept (see `readVisibilityOptions`). */
export interface VisibilityOptions {
  /** How long a caller reuses a snapshot, in milliseconds. */
  ttlMs: number;
  /** How long after its completion a snapshot is kept, in milliseconds. */
  keepMs: number;
  /** The most complete snapshots kept (the oldest beyond go first). */
  maxSnapshots: number;
}

/** A snapshot never completed this long after it started was abandoned. */
const ABANDONED_AFTER_MS = 3_600_000;

/**
 * The key of a caller and their decision, hashed: who they are and the
 * conditions the policy gave them (a changed policy is a new key), never
 * stored in plain text.
 */
function principalKey(
  credentials: BackstageCredentials,
  decision: PolicyDecision,
): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  const conditions = 'conditions' in decision ? decision.conditions : null;
  return createHash('sha256')
    .update(
      JSON.stringify([
        'data-mesh visibility',
        principal.type ?? null,
        principal.userEntityRef ?? principal.subject ?? null,
        conditions,
      ]),
    )
    .digest('hex');
}

/**
 * Decides which data products a caller may see, by the catalog's own
 * `catalog.entity.read` permission. Allowed or denied outright, that is the
 * answer (no table is written, the catalog is not read). Conditional, the
 * catalog is streamed with the caller's credentials and the refs it returns
 * are written, a page at a time, to a visibility snapshot: reused by that
 * caller for `ttlMs` on any replica, computed once at a time per caller on
 * a replica, and read by every consumer in SQL. Nothing held grows with the
 * catalog; an unreadable catalog is a 503, never "everything".
 */
export class VisibilityService {
  readonly #inFlight = new Map<string, Promise<Visibility>>();

  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      catalog: CatalogService;
      reader: CatalogReader;
      visibilitySnapshots: VisibilitySnapshotStore;
      logger: LoggerService;
      options: VisibilityOptions;
      now?: () => Date;
    },
  ) {}

  #now(): number {
    return (this.deps.now?.() ?? new Date()).getTime();
  }

  async #decide(credentials: BackstageCredentials): Promise<PolicyDecision> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return decision;
  }

  /** Every product, none, or the products of the caller's snapshot. */
  async visibleProducts(
    credentials: BackstageCredentials,
  ): Promise<Visibility> {
    const decision = await this.#decide(credentials);
    if (decision.result === AuthorizeResult.ALLOW) {
      return EVERY_PRODUCT;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return NO_PRODUCT;
    }
    const key = principalKey(credentials, decision);
    const running = this.#inFlight.get(key);
    if (running) {
      return running;
    }
    const snapshot = this.#snapshot(key, credentials).finally(() =>
      this.#inFlight.delete(key),
    );
    this.#inFlight.set(key, snapshot);
    return snapshot;
  }

  /** The caller's fresh snapshot, or a new one streamed from the catalog. */
  async #snapshot(
    key: string,
    credentials: BackstageCredentials,
  ): Promise<Visibility> {
    const store = this.deps.visibilitySnapshots;
    const { ttlMs, keepMs, maxSnapshots } = this.deps.options;
    const iso = (ms: number) => new Date(ms).toISOString();
    const fresh = await store.fresh(key, iso(this.#now() - ttlMs));
    if (fresh !== undefined) {
      return { all: false, snapshotId: fresh };
    }
    const snapshotId = await store.begin(key, iso(this.#now()));
    try {
      let count = 0;
      for await (const refs of this.deps.reader.streamProductRefs(
        credentials,
      )) {
        await store.add(snapshotId, refs);
        count += refs.length;
      }
      if (!(await store.complete(snapshotId, iso(this.#now()), count))) {
        throw new ServiceUnavailableError(
          'The products the caller may see were deleted while being written; try again',
        );
      }
    } catch (error) {
      // Never "everything visible": the caller gets the error (a 503 when
      // the catalog could not be read) and the partial snapshot goes.
      await store.delete([snapshotId]).catch(() => {});
      throw error;
    }
    const now = this.#now();
    await store
      .deleteOld({
        completedBefore: iso(now - keepMs),
        abandonedBefore: iso(now - ABANDONED_AFTER_MS),
        keep: maxSnapshots,
      })
      .catch(error =>
        this.deps.logger.warn(
          `Could not delete old visibility snapshots: ${error}`,
        ),
      );
    return { all: false, snapshotId };
  }

  /**
   * Whether the caller may see one entity: the permission decision, or the
   * catalog itself when the decision is conditional.
   */
  async canSee(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    const decision = await this.#decide(credentials);
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    return Boolean(
      await fromCatalog('one entity', () =>
        this.deps.catalog.getEntityByRef(entityRef, { credentials }),
      ),
    );
  }
}
