/**
 * The text of every figure, in one place so the screen, the tooltips and the tests agree character for character.
 * Values use the field's unit through Grafana's value formats; a clamped percentile is never shown as a plain value.
 */

import { FieldConfig, formattedValueToString, getValueFormat } from '@grafana/data';
import { Quantile, Share, Overflow } from './model';

export type ValueText = (value: number) => string;

export function valueText(config: FieldConfig): ValueText {
  const format = getValueFormat(config.unit || 'none');
  return (value) => formattedValueToString(format(value, config.decimals ?? undefined));
}

/** "72.0 %", with two decimals below 1 % so a small tail does not read as 0. */
export function shareText(fraction: number): string {
  if (Number.isNaN(fraction)) {
    return '–';
  }
  const percent = fraction * 100;
  return `${percent.toFixed(percent > 0 && percent < 1 ? 2 : 1)} %`;
}

const SHARE_PREFIX: Record<Share['kind'], string> = { exact: '', interpolated: '≈ ', atLeast: '≥ ' };

export function shareFigure(share: Share): string {
  return Number.isNaN(share.value) ? '–' : `${SHARE_PREFIX[share.kind]}${shareText(share.value)}`;
}

/** "2.1 % > 30 s": the observations the buckets can only place above their top bound. */
export function overflowFigure(overflow: Overflow, format: ValueText): string {
  return `${shareText(overflow.value)} > ${format(overflow.bound)}`;
}

/** "1.23 s", "≥ 30 s" when the rank fell in +Inf, "–" where Prometheus returns NaN. */
export function percentileFigure(quantile: Quantile, format: ValueText): string {
  if (Number.isNaN(quantile.value)) {
    return '–';
  }
  return `${quantile.clamped ? '≥ ' : ''}${format(quantile.value)}`;
}

/** "(0.5 s, 1 s]" for a bucket, "> 30 s" for +Inf: what a bucket holds, in the field's unit. */
export function bucketRange(bounds: Float64Array, b: number, format: ValueText): string {
  if (bounds[b] === Infinity) {
    return b > 0 ? `> ${format(bounds[b - 1])}` : 'all';
  }
  const lower = b > 0 ? format(bounds[b - 1]) : bounds[0] > 0 ? format(0) : '-∞';
  return `(${lower}, ${format(bounds[b])}]`;
}

/**
 * What a bucket's number at one step is: raw counters are turned into counts per step, but a query's own results may
 * be rates or increases, which the frames do not tell apart.
 */
export function cellQuantity(counters: boolean): string {
  return counters ? 'count' : 'count (or rate)';
}

/** Counts and rates alike: three significant digits, without a unit (they are observations, not values). */
export function countText(count: number): string {
  return Number.isInteger(count) ? String(count) : count.toPrecision(3);
}
