/* eslint-disable no-console -- a command-line benchmark reports on the console */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100;
const WINDOW_SECONDS = 10;

/** CPU seconds used so far by the processes of a process group (Linux). */
async function groupCpuSeconds(processGroup: number): Promise<number> {
  let ticks = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which is in parentheses: state is the
    // 3rd field, the process group the 5th, utime and stime the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === processGroup) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until the backend's processes have used less than `maxShare` of one
 * core over the last 10 s: the catalog has finished processing what it
 * ingested, so the timings measure the pages rather than the ingestion.
 * Returns the share measured last; gives up (with a warning) after
 * `timeoutMs`, and does not wait where there is no `/proc` (NaN).
 */
export async function waitUntilIdle(
  processGroup: number,
  options: { maxShare: number; timeoutMs: number },
): Promise<number> {
  if (!existsSync('/proc/self/stat')) {
    console.warn('  no /proc on this system: timing without waiting');
    return NaN;
  }
  const deadline = Date.now() + options.timeoutMs;
  const samples = [await groupCpuSeconds(processGroup)];
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, 1_000));
    samples.push(await groupCpuSeconds(processGroup));
    if (samples.length > WINDOW_SECONDS + 1) samples.shift();
    const share =
      (samples[samples.length - 1] - samples[0]) / (samples.length - 1);
    if (samples.length > WINDOW_SECONDS && share < options.maxShare) {
      return share;
    }
    if (Date.now() > deadline) {
      console.warn(
        `  the backend still used ${Math.round(
          share * 100,
        )}% of a core; timing anyway`,
      );
      return share;
    }
  }
}
