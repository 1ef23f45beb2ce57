/** The value `q` (0..1) of the way up the sorted sample; the median is q = 0.5. */
export const percentile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

export const median = (xs: number[]) => percentile(xs, 0.5);
