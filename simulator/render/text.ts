// Prometheus text format 0.0.4 as Envoy writes it (spec §1): no # HELP, one # TYPE per family,
// `{}` on label-less samples, `le` as a plain decimal (%.32g: "1800000", never "1.8e+06").

export function escapeLabelValue(v: string): string {
  return /[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;
}

/** `a="x",b="y"` in the given order; callers wrap it in braces and may append more labels. */
export function labelPairs(names: readonly string[], values: Readonly<Record<string, string>>): string {
  return names.map((n) => `${n}="${escapeLabelValue(values[n])}"`).join(',');
}

/** Envoy's %.32g for the bucket bounds we use: JS prints these without exponent. */
export function formatLe(bound: number): string {
  return Number.isFinite(bound) ? String(bound) : '+Inf';
}

/** Sample values: integers as integers, other values rounded to what Envoy's circllhist would keep. */
export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

export function typeLine(name: string, type: string): string {
  return `# TYPE ${name} ${type}\n`;
}
