/**
 * What the Histogram view must show, computed straight from bucket numbers with Prometheus's documented rules and
 * nothing from src/: the browser test compares the screen with these, so a bug in the model cannot hide itself.
 */

/** Cumulative counts per `le` bound (Infinity for +Inf), summed over every step of the time range. */
export type Cumulative = Map<number, number>;

export interface DataFrameJSONLike {
  schema?: { fields: Array<{ name: string; type?: string; labels?: Record<string, string> }> };
  data?: { values: unknown[][] };
}

const boundOf = (le: string) => (/^\+?inf$/i.test(le) ? Infinity : Number(le));

/** Sums time-series frames (one `le` series each, cumulative) over their steps, per bound. */
export function cumulativeOverRange(frames: DataFrameJSONLike[]): Cumulative {
  const sums: Cumulative = new Map();
  for (const frame of frames) {
    frame.schema!.fields.forEach((field, i) => {
      const le = field.labels?.le;
      if (le !== undefined) {
        const values = frame.data!.values[i] as number[];
        sums.set(boundOf(le), (sums.get(boundOf(le)) ?? 0) + values.reduce((a, v) => a + v, 0));
      }
    });
  }
  return new Map([...sums].sort(([a], [b]) => a - b));
}

/** The share of observations at or below a bound that is itself a bucket bound. */
export function shareAtBound(c: Cumulative, bound: number): number {
  return c.get(bound)! / c.get(Infinity)!;
}

/** Share of observations in +Inf. */
export function overflowShare(c: Cumulative): number {
  const finite = [...c.keys()].filter(Number.isFinite);
  return 1 - c.get(finite[finite.length - 1])! / c.get(Infinity)!;
}

/**
 * histogram_quantile as the Prometheus documentation states it for monotonic buckets with positive bounds:
 * linear interpolation inside the bucket holding rank q × total, from 0 for the first bucket; the highest finite
 * bound (and "clamped") when the rank falls in +Inf.
 */
export function quantile(c: Cumulative, q: number): { value: number; clamped: boolean } {
  const entries = [...c];
  const total = c.get(Infinity)!;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [bound, count] of entries) {
    if (count >= rank) {
      if (bound === Infinity) {
        return { value: lower, clamped: true };
      }
      return { value: lower + ((bound - lower) * (rank - below)) / (count - below), clamped: false };
    }
    lower = bound;
    below = count;
  }
  return { value: NaN, clamped: false };
}

/** "72.0 %", and two decimals under 1 %, as the figures read. */
export function percentText(fraction: number): string {
  const percent = fraction * 100;
  return `${percent.toFixed(percent > 0 && percent < 1 ? 2 : 1)} %`;
}

/** Reads "78.9 ms", "8.49 s", "≥ 30 s" back into seconds, to compare the formatted text with the number. */
export function secondsOf(text: string): number {
  const match = /^(?:≥ )?([\d.]+) (ms|s|min)$/.exec(text);
  if (!match) {
    throw new Error(`"${text}" is not a duration figure`);
  }
  return Number(match[1]) * { ms: 1e-3, s: 1, min: 60 }[match[2] as 'ms' | 's' | 'min'];
}

/**
 * The heatmap's busiest cell: per step, the observations of each bucket alone (a cumulative count less the one
 * below it), and of all steps and buckets the largest, with its step's time and its bucket's upper bound.
 */
export function busiestCell(frames: DataFrameJSONLike[]): { value: number; time: number; bound: number } {
  const series = frames
    .map((frame) => ({
      bound: boundOf(frame.schema!.fields[1].labels!.le),
      times: frame.data!.values[0] as number[],
      counts: frame.data!.values[1] as number[],
    }))
    .sort((a, b) => a.bound - b.bound);
  let busiest = { value: -Infinity, time: NaN, bound: NaN };
  series[0].times.forEach((time, t) => {
    series.forEach(({ bound, counts }, b) => {
      const value = counts[t] - (b > 0 ? series[b - 1].counts[t] : 0);
      if (value > busiest.value) {
        busiest = { value, time, bound };
      }
    });
  });
  return busiest;
}
