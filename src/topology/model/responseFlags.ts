/**
 * Envoy's response_flags (Istio's `response_flags` label): "-" when none, else short flags joined by commas
 * ("UF,URX"). These say that Envoy answered or dropped the request itself, so the request never reached the
 * workload: the failures a 5xx share alone cannot tell from the application's own errors.
 * https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags
 */
const UNREACHED = new Set([
  'UH', // no healthy upstream host
  'UF', // upstream connection failure
  'UO', // upstream overflow: circuit breaker open
  'NR', // no route configured
  'URX', // upstream retry or connect-attempt limit exceeded
  'NC', // no upstream cluster
  'DC', // downstream closed the connection before the upstream answered
  'LR', // connection reset locally
  'RL', // rate-limited locally
  'UAEX', // denied by external authorization
  'FI', // aborted by fault injection
]);

/** The flags of one label value; none for "-", "" or a missing label. */
export function flagsOf(value: string | undefined): string[] {
  if (!value || value === '-') {
    return [];
  }
  return value.split(',').filter((f) => f !== '' && f !== '-');
}

/** Whether a request with this response_flags value never reached the workload. */
export function unreached(value: string | undefined): boolean {
  return flagsOf(value).some((f) => UNREACHED.has(f));
}
