import { forEachInTimeSlices } from './timeSlices';

/** A clock that advances `step` milliseconds each time it is read. */
function steppingClock(step: number) {
  let now = 0;
  return () => (now += step);
}

describe('forEachInTimeSlices', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('gives the event loop a turn after each slice of work', async () => {
    const visited: string[] = [];
    let visitedWhenTimerRan: string[] | undefined;
    setImmediate(() => (visitedWhenTimerRan = [...visited]));
    // Every item takes longer than a slice: each is a slice of its own.
    const outcome = await forEachInTimeSlices(
      items,
      item => visited.push(item),
      { clock: steppingClock(10), sliceMs: 5 },
    );
    expect(outcome).toEqual({ visited: 5, complete: true });
    expect(visited).toEqual(items);
    expect(visitedWhenTimerRan).toEqual(['a']);
  });

  it('visits everything in one slice while the slice lasts', async () => {
    const visited: string[] = [];
    let timerRan = false;
    setImmediate(() => (timerRan = true));
    const outcome = await forEachInTimeSlices(
      items,
      item => visited.push(item),
      { clock: () => 0, sliceMs: 5 },
    );
    expect(outcome).toEqual({ visited: 5, complete: true });
    expect(visited).toEqual(items);
    expect(timerRan).toBe(false);
  });

  it('stops between slices once the deadline has passed', async () => {
    const visited: string[] = [];
    const outcome = await forEachInTimeSlices(
      items,
      item => visited.push(item),
      { clock: steppingClock(10), sliceMs: 5, deadline: 25 },
    );
    expect(outcome.complete).toBe(false);
    expect(outcome.visited).toBe(visited.length);
    expect(visited).toEqual(items.slice(0, outcome.visited));
    expect(visited.length).toBeLessThan(items.length);
  });

  it('always does a first slice, and finishes without checking a passed deadline', async () => {
    const visited: string[] = [];
    expect(
      await forEachInTimeSlices(items, item => visited.push(item), {
        clock: steppingClock(10),
        sliceMs: 5,
        deadline: -1,
      }),
    ).toEqual({ visited: 1, complete: false });
    expect(
      await forEachInTimeSlices(['only'], item => visited.push(item), {
        clock: steppingClock(10),
        deadline: -1,
      }),
    ).toEqual({ visited: 1, complete: true });
    expect(await forEachInTimeSlices([], () => {})).toEqual({
      visited: 0,
      complete: true,
    });
  });
});
