/**
 * Istio standard metrics (istio_requests_total, the three HTTP histograms, istio_tcp_*): every traffic query of
 * every dashboard is built here, from the definitions of src/istio/semantics.ts (what an error is, which reporter
 * counts, label and metric names), so scrape scope and rate windows are decided once too.
 */
import {
  DEFAULT_ERROR_RULE,
  EDGE_LABELS,
  ENDPOINT_LABELS,
  errorMatchers,
  type HttpHistogram,
  LABELS,
  REPORTERS,
  REQUEST_DURATION,
  REQUESTS,
  type Side,
  type TcpCounter,
  WAYPOINT_LEG_MATCHERS,
} from '../../src/istio/semantics';
import type { MeshscopeConfig } from '../config/types';
import { leMatcher } from './le';
import { oncePerPod, rate, selector, splitMatchers, sumBy } from './promql';
import { recordedMetrics, recordedName } from './recorded';

export interface Traffic {
  side: Side;
  /** Matchers narrowing the traffic, e.g. `destination_service="$service"`. */
  where?: string[];
  /** Labels of the result series. */
  by?: string[];
  /** Whose series: sidecars, gateways and waypoints (default) or ztunnel's L4 view. */
  scope?: 'proxies' | 'ztunnel';
}

/**
 * Series naming every destination, HTTP/gRPC or TCP, that the scoping variables list values from: from
 * istio_requests_total alone a TCP-only service (a database) or a namespace of them could not be picked, although the
 * Service and Workload dashboards show their TCP traffic.
 */
export const TRAFFIC_SERIES = `{__name__=~"${REQUESTS}|istio_tcp_received_bytes_total"}`;

export const FIVE_XX = `${LABELS.responseCode}=~"5.."`;

export class IstioQueries {
  constructor(private readonly config: MeshscopeConfig) {}

  /** Matches the cluster variable; `.*` (All) also matches series without the label. */
  get clusterMatcher(): string {
    return `${this.config.labels.cluster}=~"$cluster"`;
  }

  scopeMatchers(scope: Traffic['scope'] = 'proxies'): string[] {
    const s = this.config.selectors;
    return [...splitMatchers(scope === 'ztunnel' ? s.ztunnel : s.proxies), this.clusterMatcher];
  }

  /** Per-second rate of an Istio counter: rated here, or read from its recorded series (config.recording.dashboards). */
  private rate(metric: string, matchers: string[]): string {
    const { recording } = this.config;
    if (!recording.dashboards) {
      return rate(metric, matchers);
    }
    if (!recordedMetrics(this.config).includes(metric)) {
      throw new Error(`${metric} has no recording rule (dashboards/queries/recorded.ts)`);
    }
    return selector(recordedName(metric, recording.window), matchers);
  }

  /**
   * Per-edge rates of `metric`, one reporter's series per edge (REPORTERS of src/istio/semantics.ts), grouped by
   * edge labels plus `keep` (labels that must survive de-duplication, e.g. response_code, le) plus the caller's `by`.
   * `anyOf`: disjoint matcher sets, of which a series must match one (errorMatchers' failed requests).
   */
  private once(metric: string, t: Traffic, keep: string[], anyOf: string[][] = [[]]): string {
    const reporters = REPORTERS[t.side];
    const matchers = [...this.scopeMatchers(t.scope), ...(t.where ?? [])];
    const group = [...EDGE_LABELS, ...keep, ...(t.by ?? [])];
    const of = (reporter: string) =>
      this.oncePerPod(
        group,
        anyOf.map((set) => this.rate(metric, [`${LABELS.reporter}="${reporter}"`, ...matchers, ...set])).join(' or ')
      );
    if (reporters.length === 1) {
      return of(reporters[0]);
    }
    return reporters.map((r) => sumBy(group, of(r))).join(' or ');
  }

  /** `expr` once per reporting pod, whichever jobs scrape it (promql.ts oncePerPod). */
  private oncePerPod(by: string[], expr: string): string {
    const { labels } = this.config;
    return oncePerPod([labels.cluster, labels.namespace, labels.pod], by, expr);
  }

  /** Requests per second. */
  requests(t: Traffic): string {
    return sumBy(t.by ?? [], this.once(REQUESTS, t, [LABELS.responseCode]));
  }

  /** Failed requests per second, as src/istio/semantics.ts defines a failure. */
  failedRequests(t: Traffic): string {
    return sumBy(t.by ?? [], this.once(REQUESTS, t, [LABELS.responseCode], errorMatchers(DEFAULT_ERROR_RULE).failed));
  }

  /**
   * Share (0..1) of failed requests. The 0 × total fallback keeps a value for traffic without a single failure,
   * which has no failed series at all.
   */
  errorRatio(t: Traffic): string {
    const total = this.requests(t);
    return `(${this.failedRequests(t)} or on(${(t.by ?? []).join(', ')}) (0 * ${total})) / ${total}`;
  }

  /**
   * Share (0..1) of requests matching `yes`; `no` must match exactly the others. The 0 × `no` fallback keeps a value
   * when no request matches `yes` (that side then has no series at all), at no extra cost: the two sides are disjoint.
   */
  share(t: Traffic, yes: string, no: string): string {
    const by = t.by ?? [];
    const matching = this.requests({ ...t, where: [...(t.where ?? []), yes] });
    const others = this.requests({ ...t, where: [...(t.where ?? []), no] });
    return `(${matching} or on(${by.join(', ')}) (0 * ${others})) / ${this.requests(t)}`;
  }

  /** Share of requests that did not fail (1 − errorRatio). */
  successRatio(t: Traffic): string {
    return `1 - (${this.errorRatio(t)})`;
  }

  /** Share of requests the serving side received over mutual TLS (clients always report "unknown"). */
  mtlsRatio(t: Traffic): string {
    return this.share(t, 'connection_security_policy="mutual_tls"', 'connection_security_policy!="mutual_tls"');
  }

  /** Mean bytes per request (or response), from the histogram's _sum and _count: 20× fewer series than a quantile. */
  meanSize(histogram: 'istio_request_bytes' | 'istio_response_bytes', t: Traffic): string {
    return `${sumBy(t.by ?? [], this.once(`${histogram}_sum`, t, ['response_code']))} / ${sumBy(t.by ?? [], this.once(`${histogram}_count`, t, ['response_code']))}`;
  }

  /** One histogram_quantile per series, over de-duplicated bucket rates. */
  quantile(q: number, histogram: HttpHistogram | string, t: Traffic): string {
    return `histogram_quantile(${q}, ${sumBy(['le', ...(t.by ?? [])], this.once(`${histogram}_bucket`, t, ['response_code', 'le']))})`;
  }

  /**
   * Share (0..1) of requests that took at most `boundMs`, read from the one bucket with that upper bound (which must
   * be one of the histogram's bounds), whichever way Prometheus spells its `le` (le.ts).
   */
  fasterThan(boundMs: number, t: Traffic): string {
    const le = leMatcher(boundMs);
    const within = sumBy(
      t.by ?? [],
      this.once('istio_request_duration_milliseconds_bucket', { ...t, where: [...(t.where ?? []), le] }, [
        'response_code',
      ])
    );
    return `${within} / ${sumBy(t.by ?? [], this.once('istio_request_duration_milliseconds_count', t, ['response_code']))}`;
  }

  /**
   * Bytes (or connections) per second from an istio_tcp_* counter. Beside Envoy's series, ztunnel's hops that no Envoy
   * handled; its legs through a waypoint only in ztunnel's own view (WAYPOINT_LEG_MATCHERS says why).
   */
  tcp(counter: TcpCounter, t: Traffic): string {
    const where = t.scope === 'ztunnel' ? t.where : [...(t.where ?? []), ...WAYPOINT_LEG_MATCHERS];
    return sumBy(t.by ?? [], this.once(counter, { ...t, where }, []));
  }

  /** Per-second rate of the `_sum` of an HTTP histogram (bytes moved through requests or responses). */
  histogramSumRate(histogram: HttpHistogram, t: Traffic): string {
    return sumBy(t.by ?? [], this.once(`${histogram}_sum`, t, ['response_code']));
  }

  /** A user's Telemetry-API counter (istio_get_calls): same reporter rule as the standard metrics. */
  customCounter(metric: string, t: Traffic): string {
    return sumBy(t.by ?? [], this.once(metric, t, ['response_code']));
  }

  /**
   * Raw topology inputs for the panel's Topology view (src/topology/README.md); the panel de-duplicates reporters
   * itself. Latency keeps request_protocol so it lands on the HTTP or gRPC edge it belongs to; TCP throughput is
   * both directions, falling back to whichever counter exists.
   */
  topology(role: 'requests' | 'tcpBytes' | 'latency', where: string[]): string {
    const edge = [LABELS.reporter, ...ENDPOINT_LABELS];
    const matchers = [...this.scopeMatchers(), ...where];
    const of = (metric: string, extra: string[]) =>
      sumBy([...edge, ...extra], this.oncePerPod([...edge, ...extra], this.rate(metric, matchers)));
    if (role === 'requests') {
      // Every label the panel's error rule (src/istio/semantics.ts) and response-flag shares read.
      return of(REQUESTS, [
        LABELS.protocol,
        LABELS.responseCode,
        LABELS.grpcStatus,
        LABELS.responseFlags,
        LABELS.securityPolicy,
      ]);
    }
    if (role === 'latency') {
      return of(`${REQUEST_DURATION}_bucket`, [LABELS.protocol, 'le']);
    }
    const sent = of('istio_tcp_sent_bytes_total', [LABELS.securityPolicy]);
    const received = of('istio_tcp_received_bytes_total', [LABELS.securityPolicy]);
    return `(${sent} + ${received}) or ${sent} or ${received}`;
  }
}
