import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';

/** The most work, in milliseconds, done between two turns of the event loop. */
export const DEFAULT_SLICE_MS = 5;

/** How {@link forEachInTimeSlices} shares the event loop. */
export interface TimeSliceOptions {
  /** Milliseconds on a monotonic clock; `performance.now()` by default. */
  clock?: () => number;
  /** Milliseconds of work per slice; {@link DEFAULT_SLICE_MS} by default. */
  sliceMs?: number;
  /** A clock reading after which no further slice starts. */
  deadline?: number;
}

/** How far {@link forEachInTimeSlices} got. */
export interface TimeSlicesOutcome {
  /** How many items were visited, from the first. */
  visited: number;
  /** False when the deadline stopped the visit before the last item. */
  complete: boolean;
}

/**
 * Visits items in order, in slices of about `sliceMs` of synchronous work,
 * giving the event loop a turn (`setImmediate`) after each slice: other
 * requests, health checks included, are served while a long computation
 * runs. A slice visits at least one item. Between slices, once the deadline
 * has passed, it stops and leaves the remaining items unvisited.
 */
export async function forEachInTimeSlices<T>(
  items: readonly T[],
  visit: (item: T, index: number) => void,
  options: TimeSliceOptions = {},
): Promise<TimeSlicesOutcome> {
  const clock = options.clock ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  let index = 0;
  while (index < items.length) {
    const sliceStarted = clock();
    do {
      visit(items[index], index);
      index += 1;
    } while (index < items.length && clock() - sliceStarted < sliceMs);
    if (index < items.length) {
      if (options.deadline !== undefined && clock() >= options.deadline) {
        return { visited: index, complete: false };
      }
      await nextTurnOfEventLoop();
    }
  }
  return { visited: index, complete: true };
}
