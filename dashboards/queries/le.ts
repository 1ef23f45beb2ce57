/**
 * The spellings of a histogram bucket's `le` label. Prometheus 2 stores the exposition's text (Envoy writes
 * "1800000"); Prometheus 3 parses the bound and stores it as its FormatOpenMetricsFloat prints it: Go's shortest 'g'
 * formatting (an exponent from 1e6 up and below 1e-4) with ".0" added when neither a point nor an exponent remains
 * ("250.0", "1.8e+06"). A matcher on one bucket must accept both, or it stops matching across an upgrade.
 */

/** A bucket bound as Prometheus 3 stores it in `le`. */
export function normalisedLe(bound: number): string {
  if (bound === Infinity) {
    return '+Inf';
  }
  if (bound === -Infinity) {
    return '-Inf';
  }
  if (Number.isNaN(bound)) {
    return 'NaN';
  }
  // toExponential() gives the shortest round-tripping digits, as Go's strconv does for precision -1.
  const [mantissa, power] = bound.toExponential().split('e');
  const exponent = Number(power);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const plain = String(bound);
  return plain.includes('.') ? plain : `${plain}.0`;
}

/**
 * RE2 regexes (as PromQL anchors them) telling the two spellings of Envoy's integer millisecond bounds apart: as
 * exposed ("250", Prometheus 2) and as Prometheus 3 normalises them ("250.0", "1.8e+06"). The Setup check reads which
 * one a Prometheus stores.
 */
export const LE_SPELLING = {
  exposed: String.raw`\d+`,
  normalised: String.raw`\d+\.0|\d+(\.\d+)?e\+\d+`,
} as const;

/** `text` as an RE2 regex matching only itself. */
const literal = (text: string) => text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/** A PromQL matcher of `le` on an RE2 regex. */
export function leRegexMatcher(regex: string): string {
  // Inside a PromQL string a backslash is written twice.
  return `le=~"${regex.replace(/\\/g, '\\\\')}"`;
}

/** A PromQL matcher on the bucket whose upper bound is `bound`, in either spelling of `le`. */
export function leMatcher(bound: number): string {
  return leRegexMatcher([...new Set([String(bound), normalisedLe(bound)])].map(literal).join('|'));
}
