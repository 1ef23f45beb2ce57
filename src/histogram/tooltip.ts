/** The lines of the tooltip for one bucket, over the whole range or at one step of the heatmap. */

import { Histogram } from './model';
import { bucketRange, cellQuantity, countText, shareText, ValueText } from './format';

export function bucketTooltip(h: Histogram, bucket: number, step: number | undefined, format: ValueText): string[] {
  const width = h.bounds.length;
  const counts = step === undefined ? h.range.counts : h.cells.subarray(step * width, (step + 1) * width);
  let total = 0;
  let below = 0;
  for (let b = 0; b < width; b++) {
    total += counts[b];
    below += b <= bucket ? counts[b] : 0;
  }
  const when = step === undefined ? 'over the time range' : `at ${new Date(h.times[step]).toISOString()}`;
  return [
    `le bucket ${bucketRange(h.bounds, bucket, format)} ${when}`,
    `${cellQuantity(h.counters)}: ${countText(counts[bucket])}`,
    `share of observations: ${shareText(counts[bucket] / total)}`,
    `share at or below its top: ${h.bounds[bucket] === Infinity ? '100.0 %' : shareText(below / total)}`,
  ];
}
