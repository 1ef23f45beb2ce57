import { bucketAtPixel, bucketAxis } from './axis';

const bounds = Float64Array.from([0.1, 1, 10, Infinity]);

describe('bucketAxis', () => {
  it('spaces bounds by their logarithm, starting one ratio below the first bound', () => {
    const axis = bucketAxis(bounds, 'log', 0, 300, 330);
    expect(axis.min).toBeCloseTo(0.01);
    expect([...axis.edges].map((e) => Math.round(e))).toEqual([0, 100, 200, 300, 330]);
  });

  it('spaces bounds linearly from 0', () => {
    const axis = bucketAxis(bounds, 'linear', 0, 100, 120);
    expect([...axis.edges]).toEqual([0, 1, 10, 100, 120]);
  });

  it('falls back to linear when a bound is not positive, and runs downwards for vertical axes', () => {
    const axis = bucketAxis(Float64Array.from([0, 5, Infinity]), 'log', 100, 0, -10);
    expect(axis.scale).toBe('linear');
    expect([...axis.edges]).toEqual([100, 100, 0, -10]);
  });

  it('finds the bucket under a pixel', () => {
    const { edges } = bucketAxis(bounds, 'linear', 0, 100, 120);
    expect([0.5, 5, 50, 110, 130].map((x) => bucketAtPixel(edges, x))).toEqual([0, 1, 2, 3, -1]);
  });
});
