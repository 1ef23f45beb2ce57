import { timeTicks } from './timeAxis';

const MINUTE = 60_000;

describe('timeTicks', () => {
  it('picks a round interval that keeps labels apart and places ticks on its multiples', () => {
    const from = 7 * MINUTE + 20_000;
    const ticks = timeTicks(from, from + 60 * MINUTE, 600, 72);
    expect(ticks.map((t) => t.time / MINUTE)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(ticks[0].x).toBeCloseTo(((10 * MINUTE - from) / (60 * MINUTE)) * 600);
  });

  it('uses seconds for short ranges and nothing for an empty one', () => {
    expect(timeTicks(0, 60_000, 600, 72).map((t) => t.time)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(timeTicks(5, 5, 600, 72)).toEqual([]);
  });
});
