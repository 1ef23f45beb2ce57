import { almostEqual, counterIncrease, repairCumulative } from './buckets';

describe('repairCumulative', () => {
  it('lifts a dip to the level before it, as ensureMonotonicAndIgnoreSmallDeltas does', () => {
    const counts = Float64Array.from([10, 5, 20, 12, 30]);
    expect(repairCumulative(counts, 5)).toEqual({ forcedMonotonic: true, fixedPrecision: false });
    expect([...counts]).toEqual([10, 10, 20, 20, 30]);
  });

  it('keeps the level through float noise in either direction without calling it a monotonicity fix', () => {
    const counts = Float64Array.from([1, 1 + 1e-14, 1 - 1e-14, 2]);
    expect(repairCumulative(counts, 4)).toEqual({ forcedMonotonic: false, fixedPrecision: true });
    expect([...counts]).toEqual([1, 1, 1, 2]);
  });

  it('leaves monotonic counts alone and only looks at the first n', () => {
    const counts = Float64Array.from([1, 2, 3, 0]);
    expect(repairCumulative(counts, 3)).toEqual({ forcedMonotonic: false, fixedPrecision: false });
    expect([...counts]).toEqual([1, 2, 3, 0]);
  });
});

describe('almostEqual', () => {
  it('is relative away from zero and absolute at zero', () => {
    expect(almostEqual(1e6, 1e6 + 1e-7, 1e-12)).toBe(true);
    expect(almostEqual(1, 1.001, 1e-12)).toBe(false);
    expect(almostEqual(0, 1e-300, 1e-12)).toBe(false);
    expect(almostEqual(NaN, NaN, 1e-12)).toBe(true);
  });
});

describe('counterIncrease', () => {
  it('is the difference while the counter grows and the new value after a reset', () => {
    expect(counterIncrease(10, 15)).toBe(5);
    expect(counterIncrease(10, 3)).toBe(3);
  });
});
