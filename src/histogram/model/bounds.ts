/**
 * Bucket upper bounds (`le` label values) as Prometheus reads them: Go's ParseFloat accepts "+Inf", "Inf",
 * "infinity" in any case and exponent forms such as "1e+06" (Istio's config-size buckets are printed that way).
 * A bound that does not parse makes Prometheus drop the series with a "bad bucket label" warning; we do the same.
 */

const INFINITY = /^[+-]?inf(inity)?$/i;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The numeric upper bound of an `le` label, or NaN when it is not a number Prometheus would accept. */
export function parseBound(le: string): number {
  const text = le.trim();
  if (INFINITY.test(text)) {
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/** The bound as Prometheus prints an `le` label, for messages that quote the query's own buckets. */
export function boundLabel(bound: number): string {
  return bound === Infinity ? '+Inf' : bound === -Infinity ? '-Inf' : String(bound);
}
