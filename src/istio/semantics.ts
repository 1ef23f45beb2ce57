/**
 * What meshscope takes Istio's standard metrics to mean, decided once for the panel's model (src/topology/model),
 * the dashboards' query library, the recording rules, the alerts and every text that says what is counted.
 * Free of React, the DOM and @grafana/*: the dashboard builders run it in Node.
 *
 * Sources: Istio's standard metrics reference (istio.io/latest/docs/reference/config/metrics) and Envoy's access
 * log semantics for response code 0 (no response was sent: the downstream went away or the upstream reset).
 */

/** The request, TCP and latency families of Istio's standard metrics, as Prometheus names them. */
export const REQUESTS = 'istio_requests_total';
export const REQUEST_DURATION = 'istio_request_duration_milliseconds';
export const HTTP_HISTOGRAMS = [REQUEST_DURATION, 'istio_request_bytes', 'istio_response_bytes'] as const;
export const TCP_BYTES = ['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total'] as const;
export const TCP_COUNTERS = [
  ...TCP_BYTES,
  'istio_tcp_connections_opened_total',
  'istio_tcp_connections_closed_total',
] as const;

export type HttpHistogram = (typeof HTTP_HISTOGRAMS)[number];
export type TcpCounter = (typeof TCP_COUNTERS)[number];

/** Labels Istio's proxies put on every standard metric; target labels (cluster, namespace, pod) are the scrape's. */
export const LABELS = {
  reporter: 'reporter',
  protocol: 'request_protocol',
  responseCode: 'response_code',
  grpcStatus: 'grpc_response_status',
  securityPolicy: 'connection_security_policy',
  responseFlags: 'response_flags',
} as const;

/** Labels naming an edge identically whichever proxy reports it (target labels such as cluster differ). */
export const EDGE_LABELS = [
  'source_workload',
  'source_workload_namespace',
  'destination_service',
  'destination_workload',
  'destination_workload_namespace',
] as const;

/** Everything the Topology view reads about an edge's two ends, besides the reporter. */
export const ENDPOINT_LABELS = [
  'source_workload',
  'source_workload_namespace',
  'source_app',
  'source_version',
  'destination_workload',
  'destination_workload_namespace',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_service_name',
  'destination_service_namespace',
  'source_cluster',
  'destination_cluster',
] as const;

/**
 * The one rule that keeps a request from being counted twice. Each request is reported by the client sidecar or
 * gateway (`source`), by the server sidecar (`destination`) and, in ambient mode, by the waypoint in front of the
 * server (`waypoint`: ambient workloads have no server sidecar). Per edge one reporter's series are kept:
 * destination (it knows the server's identity and mTLS), else waypoint, else source (traffic to unknown, external
 * or unreachable destinations). ztunnel reports only L4 bytes, with source and destination reporters of its own.
 */
export const REPORTER_PREFERENCE = ['destination', 'waypoint', 'source'] as const;

/**
 * Waypoints are told by name: the metric labels carry no role, and Istio names a waypoint's workload after its
 * Gateway ("waypoint" unless the user chose another name; `istioctl waypoint apply` and the docs keep it in the name).
 */
export const WAYPOINT_NAME = /waypoint/;
/** The same rule as a PromQL regex (label values match it whole). */
export const WAYPOINT_NAME_REGEX = `.*${WAYPOINT_NAME.source}.*`;

/**
 * ztunnel's two legs of a hop through a waypoint. ztunnel names whom it connects: the client's ztunnel reports the
 * leg to the waypoint (reporter="source", the waypoint as destination workload, the service the client asked for as
 * destination_service; istio/ztunnel proxy/outbound.rs), and the server's ztunnel reports the leg from the waypoint
 * (reporter="destination", the waypoint as source, found by the connection's address; proxy/inbound.rs). No leg
 * names both the client and the server, and both carry the same bytes, while the waypoint's own L7 series (reporter
 * "waypoint") name both. So:
 * - counted once (dashboards' TCP figures): legs into or out of a waypoint are left out; the waypoint's istio_tcp_*
 *   series count TCP through it, with the real client named, as a sidecar's would, and HTTP through it is counted
 *   in requests, not TCP bytes. Hops no Envoy handled (ambient without a waypoint) are what TCP figures add from
 *   ztunnel.
 * - per hop (the Ztunnel dashboard, which shows ztunnel's own load): each leg is a hop of its own.
 * - the Topology view folds the legs into the client→server edges the waypoint reported (model/ambient.ts).
 */
export const WAYPOINT_LEG_MATCHERS = [
  `source_workload!~"${WAYPOINT_NAME_REGEX}"`,
  `destination_workload!~"${WAYPOINT_NAME_REGEX}"`,
] as const;

/** Which side's reports: what callers saw, what the serving side saw, or every request once. */
export type Side = 'client' | 'server' | 'once';

export const REPORTERS: Record<Side, readonly string[]> = {
  client: ['source'],
  server: ['destination', 'waypoint'],
  once: REPORTER_PREFERENCE,
};

/** Rank of a reporter in the preference; series without a reporter label come after every known reporter. */
export function reporterRank(reporter: string): number {
  const rank = (REPORTER_PREFERENCE as readonly string[]).indexOf(reporter);
  return rank !== -1 ? rank : reporter === '' ? REPORTER_PREFERENCE.length : REPORTER_PREFERENCE.length + 1;
}

/**
 * A failed request: answered with a 5xx, not answered at all (response code 0), or a gRPC call whose status is
 * not OK (gRPC carries failures in grpc-status over HTTP 200). With `count4xx`, 4xx answers fail too.
 */
export interface ErrorRule {
  count4xx: boolean;
}

export const DEFAULT_ERROR_RULE: ErrorRule = { count4xx: false };

const failingCodes = (rule: ErrorRule) => (rule.count4xx ? /^(0|4..|5..)$/ : /^(0|5..)$/);
const failingCodesRegex = (rule: ErrorRule) => (rule.count4xx ? '0|4..|5..' : '0|5..');

/** Whether a series of istio_requests_total counts failed requests under `rule`. */
export function isError(labels: Record<string, string | undefined>, rule: ErrorRule = DEFAULT_ERROR_RULE): boolean {
  const code = labels[LABELS.responseCode];
  if (code !== undefined && failingCodes(rule).test(code)) {
    return true;
  }
  const grpc = labels[LABELS.grpcStatus];
  return labels[LABELS.protocol] === 'grpc' && grpc !== undefined && grpc !== '' && grpc !== '0';
}

/** Whether a series counts requests answered with a 4xx (shown apart, counted as failures only by choice). */
export function isClientError(labels: Record<string, string | undefined>): boolean {
  return /^4..$/.test(labels[LABELS.responseCode] ?? '');
}

/**
 * The same rule as PromQL: disjoint matcher sets whose union is the failed requests (`failed`) and the others
 * (`succeeded`). A series without grpc_response_status has it empty, as PromQL matches absent labels.
 */
export function errorMatchers(rule: ErrorRule = DEFAULT_ERROR_RULE): { failed: string[][]; succeeded: string[][] } {
  const codes = failingCodesRegex(rule);
  const failingCode = `${LABELS.responseCode}=~"${codes}"`;
  const otherCode = `${LABELS.responseCode}!~"${codes}"`;
  const grpc = `${LABELS.protocol}="grpc"`;
  return {
    failed: [[failingCode], [otherCode, grpc, `${LABELS.grpcStatus}!~"0|"`]],
    succeeded: [
      [otherCode, `${LABELS.protocol}!="grpc"`],
      [otherCode, grpc, `${LABELS.grpcStatus}=~"0|"`],
    ],
  };
}

/** The kinds of failure, short enough for a tooltip row and the legend. */
export const ERROR_KINDS = '5xx, no response, gRPC not OK';
export const ERRORS_LABEL = `Errors (${ERROR_KINDS})`;

/** Shown for an error share the input had no data for; never 0 %, which would claim there were no errors. */
export const NO_ERROR_DATA = 'no error data';

/** What a failed request is, in words, for panel descriptions, tooltips and alert texts. */
export function errorDefinitionText(rule: ErrorRule = DEFAULT_ERROR_RULE): string {
  return `${rule.count4xx ? 'a 4xx or 5xx' : 'a 5xx'} response, no response (response code 0) or a gRPC status other than OK`;
}
