// Log-normal distributions: request latency and sizes are right-skewed, and a log-normal is fully
// determined by the two quantiles users think in (p50, p90), which also makes ground truth exact.

const Z90 = 1.2815515655446004;

/** Abramowitz–Stegun 7.1.26 erf; max error 1.5e-7, far below one histogram bucket. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-ax * ax);
  return sign * y;
}

export interface LogNormal {
  p50: number;
  p90: number;
  mu: number;
  sigma: number;
  mean: number;
}

export function logNormal(p50: number, p90: number): LogNormal {
  const mu = Math.log(p50);
  const sigma = Math.max(1e-6, (Math.log(Math.max(p90, p50)) - mu) / Z90);
  return { p50, p90, mu, sigma, mean: Math.exp(mu + (sigma * sigma) / 2) };
}

export function cdf(d: LogNormal, x: number): number {
  if (x <= 0) {
    return 0;
  }
  return 0.5 * (1 + erf((Math.log(x) - d.mu) / (d.sigma * Math.SQRT2)));
}

/** Share of observations at or below each bound (cumulative, like Prometheus `le` buckets). */
export function bucketFractions(d: LogNormal, bounds: readonly number[]): Float64Array {
  return Float64Array.from(bounds, (b) => cdf(d, b));
}

/** Quantile q of the distribution (q in (0,1)), via bisection on the CDF in log space. */
export function quantile(d: LogNormal, q: number): number {
  let lo = d.mu - 10 * d.sigma;
  let hi = d.mu + 10 * d.sigma;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(d, Math.exp(mid)) < q) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return Math.exp((lo + hi) / 2);
}
