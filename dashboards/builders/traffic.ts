/**
 * The traffic panels Service, Workload, Mesh and Gateway dashboards share: headline figures for some traffic, and
 * a breakdown section (by caller, by serving workload, by destination…) for one side of it.
 */
import { errorDefinitionText } from '../../src/istio/semantics';
import type { MeshscopeConfig } from '../config/types';
import type { ComponentQueries } from '../queries/components';
import type { IstioQueries, Traffic } from '../queries/istio';
import { type PanelBuilder, stat, thresholds, timeseries } from '../panels/kinds';
import { UNITS } from '../panels/units';

export interface Context {
  config: MeshscopeConfig;
  istio: IstioQueries;
  /** Shared by every dashboard built from this context, so the recorded-mode rules it collects cover all of them. */
  components: ComponentQueries;
}

const SIDE_TEXT: Record<Traffic['side'], string> = {
  client:
    'as the callers reported it (reporter="source": client sidecars and gateways; ambient callers have no client-side proxy and are absent)',
  server:
    'as the serving side reported it (reporter="destination" for sidecars, "waypoint" for ambient workloads behind a waypoint; destination preferred per edge)',
  once: "counting each request once: per edge, the destination sidecar's report, else the waypoint's, else the caller's (traffic to destinations without a proxy)",
};

export function successThresholds(config: MeshscopeConfig) {
  return thresholds({
    critical: config.thresholds.successCritical,
    warning: config.thresholds.successWarning,
    higherIsBetter: true,
  });
}

export function latencyThresholds(config: MeshscopeConfig) {
  return thresholds({
    critical: config.thresholds.latencyCriticalMs,
    warning: config.thresholds.latencyWarningMs,
    higherIsBetter: false,
  });
}

/** Request rate, success, latency, TCP bytes (and mTLS share when the serving side reports) of `t`, as stats. */
export function headline(ctx: Context, t: Traffic, what: string): PanelBuilder[] {
  const { istio, config } = ctx;
  const how = SIDE_TEXT[t.side];
  const panels = [
    stat({
      title: 'Requests',
      description: `HTTP and gRPC requests per second ${what}, ${how}.`,
      unit: UNITS.requestsPerSecond,
      targets: [{ expr: istio.requests(t), legend: 'requests' }],
      width: 4,
    }),
    stat({
      title: 'Success rate',
      description: `Share of requests ${what} that did not fail, ${how}. Failed: ${errorDefinitionText()} (gRPC failures travel with HTTP 200). The Topology view counts the same.`,
      unit: UNITS.ratio,
      targets: [{ expr: istio.successRatio(t), legend: 'success' }],
      thresholds: successThresholds(config),
      decimals: 2,
      width: 4,
    }),
    stat({
      title: 'Latency p50 / p99',
      description: `Median and 99th percentile request duration ${what} (istio_request_duration_milliseconds), ${how}. One histogram_quantile per figure.`,
      unit: UNITS.milliseconds,
      targets: [
        { expr: istio.quantile(0.5, 'istio_request_duration_milliseconds', t), legend: 'p50' },
        { expr: istio.quantile(0.99, 'istio_request_duration_milliseconds', t), legend: 'p99' },
      ],
      thresholds: latencyThresholds(config),
      width: 4,
    }),
    stat({
      title: 'TCP received',
      description: `Bytes per second received from the downstream side of TCP connections ${what} (istio_tcp_received_bytes_total, the request direction), ${how}. Includes ztunnel's L4 report of ambient hops no waypoint handled (through a waypoint, the waypoint's own report counts TCP, and HTTP is counted in requests).`,
      unit: UNITS.bytesPerSecond,
      targets: [{ expr: istio.tcp('istio_tcp_received_bytes_total', t), legend: 'received' }],
      width: 4,
    }),
    stat({
      title: 'TCP sent',
      description: `Bytes per second sent back to the downstream side of TCP connections ${what} (istio_tcp_sent_bytes_total, the response direction), ${how}.`,
      unit: UNITS.bytesPerSecond,
      targets: [{ expr: istio.tcp('istio_tcp_sent_bytes_total', t), legend: 'sent' }],
      width: 4,
    }),
  ];
  if (t.side !== 'client') {
    panels.push(
      stat({
        title: 'mTLS share',
        description: `Share of requests ${what} the serving side received over mutual TLS (connection_security_policy="mutual_tls"); the rest arrived in plaintext. Clients always report "unknown", so requests only their caller reported (egress) count as not mTLS.`,
        unit: UNITS.ratio,
        targets: [{ expr: istio.mtlsRatio(t), legend: 'mTLS' }],
        decimals: 1,
        width: 4,
      })
    );
  }
  return panels;
}

export interface Breakdown {
  /** Labels one series stands for, e.g. source_workload + source_workload_namespace. */
  by: string[];
  /** Legend template, e.g. {{source_workload}}.{{source_workload_namespace}}. */
  legend: string;
  /** "by caller", "by serving workload", … */
  noun: string;
}

/** Requests, success, latency, sizes, TCP bytes and mTLS of `t`, one series per `b.by`. */
export function breakdown(ctx: Context, t: Traffic, b: Breakdown, what: string): PanelBuilder[] {
  const { istio, config } = ctx;
  const how = SIDE_TEXT[t.side];
  const tb: Traffic = { ...t, by: b.by };
  const legend = b.legend;
  const panels = [
    timeseries({
      title: `Requests ${b.noun} and response code`,
      description: `Requests per second ${what} ${b.noun} and HTTP response code, ${how}.`,
      unit: UNITS.requestsPerSecond,
      targets: [
        { expr: istio.requests({ ...tb, by: [...b.by, 'response_code'] }), legend: `${legend} {{response_code}}` },
      ],
    }),
    timeseries({
      title: `Success rate ${b.noun}`,
      description: `Share of requests ${what} that did not fail (${errorDefinitionText()}), ${b.noun}, ${how}.`,
      unit: UNITS.ratio,
      targets: [{ expr: istio.successRatio(tb), legend }],
      thresholds: successThresholds(config),
    }),
    timeseries({
      title: `Latency ${b.noun}`,
      description: `p50, p90 and p99 request duration ${what} ${b.noun}, ${how}. Each line is one histogram_quantile over rate() of the buckets; Istio's removed seconds histogram is not queried.`,
      unit: UNITS.milliseconds,
      targets: [0.5, 0.9, 0.99].map((q) => ({
        expr: istio.quantile(q, 'istio_request_duration_milliseconds', tb),
        legend: `${legend} p${q * 100}`,
      })),
      width: 8,
    }),
    timeseries({
      title: `Request size ${b.noun}`,
      description: `Mean bytes per request ${what} ${b.noun} (headers and body, istio_request_bytes _sum / _count), ${how}.`,
      unit: UNITS.bytes,
      targets: [{ expr: istio.meanSize('istio_request_bytes', tb), legend }],
      width: 8,
    }),
    timeseries({
      title: `Response size ${b.noun}`,
      description: `Mean bytes per response ${what} ${b.noun} (istio_response_bytes _sum / _count), ${how}.`,
      unit: UNITS.bytes,
      targets: [{ expr: istio.meanSize('istio_response_bytes', tb), legend }],
      width: 8,
    }),
    timeseries({
      title: `TCP bytes ${b.noun}`,
      description: `Bytes per second on TCP connections ${what} ${b.noun}: received = request direction (istio_tcp_received_bytes_total), sent = response direction (istio_tcp_sent_bytes_total), ${how}.`,
      unit: UNITS.bytesPerSecond,
      targets: [
        { expr: istio.tcp('istio_tcp_received_bytes_total', tb), legend: `${legend} received` },
        { expr: istio.tcp('istio_tcp_sent_bytes_total', tb), legend: `${legend} sent` },
      ],
    }),
  ];
  if (t.side !== 'client') {
    panels.push(
      timeseries({
        title: `mTLS versus plaintext ${b.noun}`,
        description: `Requests per second ${what} ${b.noun} split by connection_security_policy: mutual_tls, none (plaintext) or unknown (only the caller reported), ${how}.`,
        unit: UNITS.requestsPerSecond,
        targets: [
          {
            expr: istio.requests({ ...tb, by: [...b.by, 'connection_security_policy'] }),
            legend: `${legend} {{connection_security_policy}}`,
          },
        ],
      })
    );
  }
  return panels;
}
