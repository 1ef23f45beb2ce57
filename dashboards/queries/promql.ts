// PromQL text helpers. Every rate window in every dashboard comes from RATE_WINDOW: `rate` over Grafana's
// $__rate_interval (never irate, never a hard-coded [1m] that breaks with 60 s scrapes).

import { parseMatchers } from '../config/matchers';

export const RATE_WINDOW = '$__rate_interval';

/**
 * `metric{m1, m2}`; empty matchers are dropped so optional scopes compose. `metric` may itself be a braced
 * selector (`{__name__=~"a|b"}`), whose matchers then come first.
 */
export function selector(metric: string, matchers: Array<string | undefined>): string {
  const ms = matchers.filter((m): m is string => !!m && m.trim() !== '');
  const braced = /^\{(.*)\}$/.exec(metric);
  if (braced) {
    return `{${[braced[1], ...ms].join(', ')}}`;
  }
  return ms.length === 0 ? metric : `${metric}{${ms.join(', ')}}`;
}

export function rate(metric: string, matchers: Array<string | undefined>): string {
  return `rate(${selector(metric, matchers)}[${RATE_WINDOW}])`;
}

/** `sum by (a, b) (expr)`, or `sum(expr)` when there is nothing to group by. Labels are de-duplicated, order kept. */
export function sumBy(by: readonly string[], expr: string): string {
  const labels = [...new Set(by)];
  return labels.length === 0 ? `sum(${expr})` : `sum by (${labels.join(', ')}) (${expr})`;
}

/**
 * `expr` counted once per pod however many scrape jobs read that pod (common while migrating from one scrape
 * setup to another): summed within each scrape target (`job`, `instance`), then the largest of the targets that
 * name the same pod (`pod` = the labels identifying it) taken, keeping `by`. The caller sums that over pods. One
 * scrape per pod leaves the sum as it was; two identical scrapes no longer double it.
 */
export function oncePerPod(pod: readonly string[], by: readonly string[], expr: string): string {
  const keep = [...new Set([...pod, ...by])];
  return `max by (${keep.join(', ')}) (sum by (${[...keep, 'job', 'instance'].join(', ')}) (${expr}))`;
}

/** Splits a user's matcher list (`a="x", b=~"y"`, or '' for none) into matchers as written; quoted commas are kept. */
export function splitMatchers(text: string): string[] {
  if (text.trim() === '') {
    return [];
  }
  const parsed = parseMatchers(text);
  if ('problem' in parsed) {
    // The config's validation refuses such text first; reaching here is a caller passing unvalidated matchers.
    throw new Error(`not PromQL label matchers: ${JSON.stringify(text)} (${parsed.problem})`);
  }
  return parsed.matchers;
}

/**
 * Several single-series expressions as one query, each series tagged `label="<key>"`:
 * `label_replace(a, "label", "key", "", "") or …`. Lets a panel divide them all by one expensive
 * denominator computed once (`/ on() group_left() …`) instead of once per target.
 */
export function tagged(label: string, series: Record<string, string>): string {
  return Object.entries(series)
    .map(([key, expr]) => `label_replace(${expr}, "${label}", "${key}", "", "")`)
    .join(' or ');
}
