import { LoggerService } from '@backstage/backend-plugin-api';
import { GovernanceService } from './GovernanceService';

/**
 * When to look again for the announced version of a product, after the
 * first attempt: the catalog announces a product when it processes it, and
 * serves it once it has stitched it, usually within seconds.
 */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

/** Products waiting for another attempt; beyond this the sweep catches up. */
const MAX_WAITING = 10_000;

/**
 * Re-scores products the catalog announced as changed. The first attempt
 * runs at once; if the catalog does not serve the announced version yet,
 * the product is tried again later, and after the last delay it is scored
 * as the catalog serves it. Only the latest announcement of a product is
 * kept. Timers never hold the process open, and stop on shutdown.
 */
export class RescoreQueue {
  readonly #waiting = new Map<
    string,
    { contentHash?: string; attempt: number; timer: NodeJS.Timeout }
  >();
  #stopped = false;

  constructor(
    private readonly deps: {
      governance: GovernanceService;
      logger: LoggerService;
      retryDelaysMs?: number[];
    },
  ) {}

  /** Re-scores a product now, and later again if its version is not served yet. */
  async announce(entityRef: string, contentHash?: string): Promise<void> {
    const waiting = this.#waiting.get(entityRef);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.#waiting.delete(entityRef);
    }
    await this.#attempt(entityRef, contentHash, 0);
  }

  async #attempt(
    entityRef: string,
    contentHash: string | undefined,
    attempt: number,
  ) {
    const delays = this.deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const last = attempt >= delays.length;
    try {
      const card = await this.deps.governance.rescore(entityRef, {
        expectedContentHash: last ? undefined : contentHash,
      });
      if (card || last || !contentHash) {
        return;
      }
    } catch (error) {
      this.deps.logger.warn(`Could not re-score ${entityRef}: ${error}`);
      if (last) return;
    }
    if (this.#stopped || this.#waiting.size >= MAX_WAITING) {
      return;
    }
    const timer = setTimeout(() => {
      this.#waiting.delete(entityRef);
      void this.#attempt(entityRef, contentHash, attempt + 1);
    }, delays[attempt]);
    timer.unref?.();
    this.#waiting.set(entityRef, { contentHash, attempt, timer });
  }

  /** Products waiting for another attempt. */
  get waiting(): number {
    return this.#waiting.size;
  }

  stop(): void {
    this.#stopped = true;
    for (const { timer } of this.#waiting.values()) clearTimeout(timer);
    this.#waiting.clear();
  }
}
