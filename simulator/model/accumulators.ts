// Counters as floats that only grow. Envoy counts discrete requests; we integrate a rate and print
// floor(value × share), which keeps every series monotonic, +Inf equal to _count, and the printed
// totals exact up to one unit whatever the scrape timing. Flooring each bucket on its own could still
// let a bucket grow more than _count between scrapes; render/proxy.ts clamps what it prints to prevent that.
import { bucketFractions, type LogNormal } from '../util/distribution';

/**
 * A histogram whose observations follow a distribution that changes only at scenario switches.
 * Bucket i = closed[i] + (count - segmentStart) × fraction[i]: no per-observation work at all.
 */
export class HistogramAccumulator {
  private readonly closed: Float64Array;
  private closedSum = 0;
  private segmentStart = 0;
  private fractions: Float64Array;
  private mean: number;

  constructor(
    private readonly bounds: readonly number[],
    dist: LogNormal
  ) {
    this.closed = new Float64Array(bounds.length);
    this.fractions = bucketFractions(dist, bounds);
    this.mean = dist.mean;
  }

  /** Call before the distribution changes, with the series' count at that instant. */
  setDistribution(count: number, dist: LogNormal): void {
    const n = count - this.segmentStart;
    for (let i = 0; i < this.closed.length; i++) {
      this.closed[i] += n * this.fractions[i];
    }
    this.closedSum += n * this.mean;
    this.segmentStart = count;
    this.fractions = bucketFractions(dist, this.bounds);
    this.mean = dist.mean;
  }

  bucket(i: number, count: number): number {
    return this.closed[i] + (count - this.segmentStart) * this.fractions[i];
  }

  sum(count: number): number {
    return this.closedSum + (count - this.segmentStart) * this.mean;
  }
}
