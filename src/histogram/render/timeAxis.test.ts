import { timeTicks } from './timeAxis';

const MINUTE = 60_000;

describe('timeTicks', () => {
  it('picks a round interval that keeps labels apart and places ticks on its multiples', () => {
    const from = 5 * MINUTE + 20_000;
    const ticks = timeTicks(from, from + 60 * MINUTE, 600, 72);
    expect(ticks.map((t) => t.time / MINUTE)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(ticks[0].x).toBeCloseTo(((10 * MINUTE - from) / (60 * MINUTE)) * 600);
  });

  it('uses seconds for short ranges and nothing for an empty one', () => {
    expect(timeTicks(0, 60_000, 600, 72).map((t) => t.time)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(timeTicks(5, 5, 600, 72)).toEqual([]);
  });

  it('leaves out ticks whose centred label would cross either end, so no label is moved onto its neighbour', () => {
    // 23:04:16–23:05:31 over 1,117 px at 72 px a label: 5 s ticks; 23:04:20 is 60 px in and stays, 23:05:30 is 15 px
    // before the end and goes.
    const from = Date.UTC(2026, 10, 25, 23, 4, 16);
    const ticks = timeTicks(from, from + 75_000, 1117, 72);
    expect(ticks[0].time - from).toBe(4_000);
    expect(ticks[ticks.length - 1].time - from).toBe(69_000);
    for (const t of ticks) {
      expect(t.x).toBeGreaterThanOrEqual(36);
      expect(t.x).toBeLessThanOrEqual(1117 - 36);
    }
    for (let i = 1; i < ticks.length; i++) {
      expect(ticks[i].x - ticks[i - 1].x).toBeGreaterThanOrEqual(72);
    }
  });
});
