import { CLUSTER_KINDS, CLUSTER_STATS, EnvoyQueries, HCM_STATS, LISTENER_STATS, ZONE_ROUTING } from '../queries/envoy';
import { tagged } from '../queries/promql';
import { stat, timeseries } from '../panels/kinds';
import type { Target } from '../panels/targets';
import { UNITS } from '../panels/units';
import { labelVariable, resultVariable } from '../panels/variables';
import type { DashboardBody } from './assemble';
import type { Context } from './traffic';

/**
 * What a panel shows when the workload's proxies do not export the stats it reads, in place of "No data": the
 * proxyStatsMatcher prefixes that turn them on.
 */
function enableHint(prefixes: string[]): string {
  return `Off for this workload: add ${prefixes.map((p) => `"${p}"`).join(', ')} to proxyStatsMatcher.inclusionPrefixes (meshConfig.defaultConfig or the proxy.istio.io/config annotation; see provisioning/README.md).`;
}

/**
 * Cipher suites and TLS versions Envoy (BoringSSL) can negotiate with Istio's defaults. Istio's tag extraction leaves
 * them in the stat name (envoy_cluster_ssl_ciphers_<suite>), so each is read by name.
 */
const CIPHERS = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
];
const TLS_VERSIONS = ['TLSv1', 'TLSv1_1', 'TLSv1_2', 'TLSv1_3'];

/** One workload's proxies from the inside: Envoy's extended stats, and what exporting them costs. */
export function envoyDashboard(ctx: Context): DashboardBody {
  const { config } = ctx;
  const e = new EnvoyQueries(config);
  const svc = e.serviceClusters;
  const clusterHint = enableHint(CLUSTER_STATS);
  const legend = (what?: string) => (what ? `${what}: {{cluster_name}}` : '{{cluster_name}}');
  /** Per Envoy cluster of the workload's traffic: a counter's rate, a gauge summed over pods, or its largest. */
  const rateBy = (metric: string, what?: string): Target => ({
    expr: e.counterRate(metric, ['cluster_name'], [svc]),
    legend: legend(what),
  });
  const gaugeBy = (metric: string, what?: string): Target => ({
    expr: e.gauge(metric, ['cluster_name'], [svc]),
    legend: legend(what),
  });
  const maxBy = (metric: string, what: string): Target => ({
    expr: e.gauge(metric, ['cluster_name'], [svc], 'max'),
    legend: legend(what),
  });
  /** Over all the clusters of the workload's traffic. */
  const rateOf = (metric: string, what: string): Target => ({ expr: e.counterRate(metric, [], [svc]), legend: what });
  const gaugeOf = (metric: string, what: string): Target => ({ expr: e.gauge(metric, [], [svc]), legend: what });
  /** Upstream requests over the window per zone pair, and per cluster and endpoint zone. */
  const zonePairs = e.zoneRequests(['from_zone', 'to_zone']);
  const clusterZones = e.zoneRequests(['cluster_name', 'to_zone']);
  /** Upstream and downstream (inbound listener) rates of one ssl.* counter family, summed. */
  const ssl = (stat: string) =>
    `${e.counterRate(`envoy_cluster_ssl_${stat}`, [], [svc])} + ${e.counterRate(`envoy_listener_ssl_${stat}`)}`;
  const sslMix = (label: string, names: string[], family: string) =>
    `sum by (${label}) (${tagged(
      label,
      Object.fromEntries(
        names.map((n) => [
          n,
          e.counterRate(`{__name__=~"envoy_(cluster|listener)_ssl_${family}_${n.replace(/-/g, '_')}"}`),
        ])
      )
    )})`;
  return {
    description:
      "One workload's Envoy proxies from the inside: connections, requests, circuit breaking, TLS and load balancing per Envoy cluster, from the extended stats proxyStatsMatcher turns on, and how many series they cost.",
    tags: ['envoy', 'proxy'],
    variables: [
      labelVariable({
        name: 'namespace',
        label: 'Namespace',
        metric: 'istio_build',
        matchers: [...e.proxyScrape, 'component="proxy"'],
        from: config.labels.namespace,
        multi: false,
        description: 'Namespaces with Envoy proxies (istio_build{component="proxy"} by the scrape\'s namespace label).',
      }),
      resultVariable({
        name: 'workload',
        label: 'Workload',
        expr: e.workloads,
        from: 'workload',
        description:
          "Workloads of the namespace whose proxies report traffic: sidecars (as caller or server) and gateways. A proxy names its own workload in its istio_* series, which Envoy's stats lack.",
      }),
    ],
    sections: [
      {
        title: 'What the stats cost',
        panels: [
          stat({
            title: 'Envoy series',
            description:
              "Series of Envoy's own stats (envoy_*) Prometheus holds for the workload's proxies: Istio's default inclusion list plus whatever proxyStatsMatcher adds.",
            unit: UNITS.count,
            targets: [{ expr: e.seriesCount(), legend: 'series' }],
            width: 6,
          }),
          stat({
            title: 'Share of Istio series',
            description:
              "The workload's Envoy series as a share of every series the mesh's proxies export (istio_* and envoy_*) in the selected clusters: what its extended stats add to the mesh's cardinality.",
            unit: UNITS.ratio,
            targets: [{ expr: `${e.seriesCount()} / ${e.proxySeriesCount()}`, legend: 'share' }],
            decimals: 2,
            width: 6,
          }),
          timeseries({
            title: 'Envoy series per pod',
            description:
              "Envoy series each of the workload's proxies exports; a step up follows a proxyStatsMatcher change or a new upstream cluster.",
            unit: UNITS.count,
            targets: [{ expr: e.seriesCount([config.labels.pod]), legend: `{{${config.labels.pod}}}` }],
            width: 12,
            height: 4,
          }),
        ],
      },
      {
        title: 'Connections per upstream cluster',
        panels: [
          timeseries({
            title: 'Active connections',
            description:
              'Upstream connections open per Envoy cluster (envoy_cluster_upstream_cx_active), summed over the pods.',
            unit: UNITS.count,
            targets: [gaugeBy('envoy_cluster_upstream_cx_active')],
            noValue: clusterHint,
            width: 6,
          }),
          timeseries({
            title: 'Connections opened',
            description:
              'Upstream connections opened per second per Envoy cluster (rate of envoy_cluster_upstream_cx_total).',
            unit: UNITS.connectionsPerSecond,
            targets: [rateBy('envoy_cluster_upstream_cx_total')],
            noValue: clusterHint,
            width: 6,
          }),
          timeseries({
            title: 'Connect failures and timeouts',
            description:
              'Upstream connections per second that failed (envoy_cluster_upstream_cx_connect_fail) or timed out connecting (envoy_cluster_upstream_cx_connect_timeout), per Envoy cluster.',
            unit: UNITS.connectionsPerSecond,
            targets: [
              rateBy('envoy_cluster_upstream_cx_connect_fail', 'failed'),
              rateBy('envoy_cluster_upstream_cx_connect_timeout', 'timed out'),
            ],
            noValue: clusterHint,
            width: 6,
          }),
          timeseries({
            title: 'Pending requests',
            description:
              'Requests waiting for an upstream connection per Envoy cluster (envoy_cluster_upstream_rq_pending_active).',
            unit: UNITS.count,
            targets: [gaugeBy('envoy_cluster_upstream_rq_pending_active')],
            noValue: clusterHint,
            width: 6,
          }),
        ],
      },
      {
        title: 'Requests',
        panels: [
          timeseries({
            title: 'Downstream requests by code class',
            description:
              "Requests per second the proxy's HTTP connection managers answered, by listener (inbound_0.0.0.0_<port>: what the app's callers got; outbound_0.0.0.0_<port>: what the app got back) and response code class (envoy_http_downstream_rq).",
            unit: UNITS.requestsPerSecond,
            targets: [
              {
                expr: e.counterRate(
                  'envoy_http_downstream_rq',
                  ['http_conn_manager_prefix', 'response_code_class'],
                  ['response_code_class!=""']
                ),
                legend: '{{http_conn_manager_prefix}} {{response_code_class}}',
              },
            ],
            noValue: enableHint(HCM_STATS),
            width: 8,
          }),
          timeseries({
            title: 'Upstream requests by code class',
            description:
              'Upstream requests per second by response code class (envoy_cluster_upstream_rq by response_code_class), over all Envoy clusters: every attempt counts, retries included.',
            unit: UNITS.requestsPerSecond,
            targets: [
              {
                expr: e.counterRate(
                  'envoy_cluster_upstream_rq',
                  ['response_code_class'],
                  [svc, 'response_code_class!=""']
                ),
                legend: '{{response_code_class}}',
              },
            ],
            noValue: clusterHint,
            width: 8,
          }),
          timeseries({
            title: 'Retries and timeouts',
            description:
              'Upstream retries per second (envoy_cluster_upstream_rq_retry; Istio retries 503s and connect failures twice by default), requests that ran out of retries (_retry_limit_exceeded) and requests that timed out (_timeout).',
            unit: UNITS.requestsPerSecond,
            targets: [
              rateOf('envoy_cluster_upstream_rq_retry', 'retries'),
              rateOf('envoy_cluster_upstream_rq_retry_limit_exceeded', 'retry limit exceeded'),
              rateOf('envoy_cluster_upstream_rq_timeout', 'timeouts'),
            ],
            noValue: clusterHint,
            width: 8,
          }),
        ],
      },
      {
        title: 'Circuit breaking and outlier detection',
        panels: [
          timeseries({
            title: 'Overflow',
            description:
              "Requests and connections per second refused because a circuit breaker's limit was reached (envoy_cluster_upstream_rq_pending_overflow, envoy_cluster_upstream_cx_overflow): DestinationRule connectionPool limits at work.",
            unit: UNITS.operationsPerSecond,
            targets: [
              rateBy('envoy_cluster_upstream_rq_pending_overflow', 'requests'),
              rateBy('envoy_cluster_upstream_cx_overflow', 'connections'),
            ],
            noValue: clusterHint,
            width: 8,
          }),
          timeseries({
            title: 'Circuit breakers open',
            description:
              'Proxies whose default-priority circuit breaker is open for connections or requests (envoy_cluster_circuit_breakers_default_cx_open, _rq_open: 1 while the limit is reached).',
            unit: UNITS.count,
            targets: [
              gaugeOf('envoy_cluster_circuit_breakers_default_cx_open', 'connections'),
              gaugeOf('envoy_cluster_circuit_breakers_default_rq_open', 'requests'),
            ],
            noValue: clusterHint,
            width: 8,
          }),
          timeseries({
            title: 'Outlier ejections',
            description:
              'Endpoints outlier detection holds ejected (envoy_cluster_outlier_detection_ejections_active) and ejections enforced per second (rate of _ejections_enforced_total), per Envoy cluster.',
            unit: UNITS.count,
            targets: [
              gaugeBy('envoy_cluster_outlier_detection_ejections_active', 'ejected'),
              rateBy('envoy_cluster_outlier_detection_ejections_enforced_total', 'ejections/s'),
            ],
            noValue: clusterHint,
            width: 8,
          }),
        ],
      },
      {
        title: 'Inbound, outbound, passthrough and egress',
        panels: [
          timeseries({
            title: 'Requests by traffic kind',
            description:
              'Upstream requests per second by the kind of Envoy cluster that carried them (envoy_cluster_upstream_rq_total): inbound|… to the app, outbound|… to mesh services and to ServiceEntry hosts, PassthroughCluster (unknown destinations under ALLOW_ANY) and BlackHoleCluster (refused under REGISTRY_ONLY).',
            unit: UNITS.requestsPerSecond,
            targets: [
              {
                expr: `sum by (kind) (${tagged(
                  'kind',
                  Object.fromEntries(
                    Object.entries(CLUSTER_KINDS).map(([kind, m]) => [
                      kind,
                      e.counterRate('envoy_cluster_upstream_rq_total', [], m),
                    ])
                  )
                )})`,
                legend: '{{kind}}',
              },
            ],
            noValue: clusterHint,
            width: 12,
          }),
          timeseries({
            title: 'Requests by cluster',
            description:
              'Upstream requests per second per Envoy cluster (envoy_cluster_upstream_rq_total), the 10 busiest.',
            unit: UNITS.requestsPerSecond,
            targets: [
              {
                expr: `topk(10, ${rateBy('envoy_cluster_upstream_rq_total').expr})`,
                legend: legend(),
              },
            ],
            noValue: clusterHint,
            width: 12,
          }),
        ],
      },
      {
        title: 'TLS',
        panels: [
          timeseries({
            title: 'TLS handshakes',
            description:
              'TLS handshakes per second the proxy completed as a client to mesh services (envoy_cluster_ssl_handshake) and as a server on its inbound listener 0.0.0.0_15006 (envoy_listener_ssl_handshake).',
            unit: UNITS.operationsPerSecond,
            targets: [
              rateOf('envoy_cluster_ssl_handshake', 'upstream (client)'),
              { expr: e.counterRate('envoy_listener_ssl_handshake'), legend: 'downstream (server)' },
            ],
            noValue: enableHint([...CLUSTER_STATS, ...LISTENER_STATS]),
            width: 6,
          }),
          timeseries({
            title: 'Cipher suites',
            description: `Handshakes per second by negotiated cipher suite, upstream and downstream together (envoy_{cluster,listener}_ssl_ciphers_<suite>; suites read: ${CIPHERS.join(', ')}).`,
            unit: UNITS.operationsPerSecond,
            targets: [{ expr: sslMix('cipher', CIPHERS, 'ciphers'), legend: '{{cipher}}' }],
            noValue: enableHint([...CLUSTER_STATS, ...LISTENER_STATS]),
            width: 6,
          }),
          timeseries({
            title: 'TLS versions',
            description:
              'Handshakes per second by negotiated TLS version, upstream and downstream together (envoy_{cluster,listener}_ssl_versions_<version>).',
            unit: UNITS.operationsPerSecond,
            targets: [{ expr: sslMix('version', TLS_VERSIONS, 'versions'), legend: '{{version}}' }],
            noValue: enableHint([...CLUSTER_STATS, ...LISTENER_STATS]),
            width: 6,
          }),
          timeseries({
            title: 'Handshake errors',
            description:
              'TLS connections per second that failed, upstream and downstream together (envoy_cluster_ssl_connection_error + envoy_listener_ssl_connection_error): certificate, SAN or protocol mismatches.',
            unit: UNITS.operationsPerSecond,
            targets: [{ expr: ssl('connection_error'), legend: 'errors' }],
            noValue: enableHint([...CLUSTER_STATS, ...LISTENER_STATS]),
            width: 6,
          }),
        ],
      },
      {
        title: 'Load balancing and locality',
        panels: [
          timeseries({
            title: 'Endpoints',
            description:
              'Endpoints per Envoy cluster as EDS gives them (envoy_cluster_membership_total), healthy and degraded among them (_membership_healthy, _degraded); the largest value over the pods, which all see the same endpoints.',
            unit: UNITS.count,
            targets: [
              maxBy('envoy_cluster_membership_total', 'total'),
              maxBy('envoy_cluster_membership_healthy', 'healthy'),
              maxBy('envoy_cluster_membership_degraded', 'degraded'),
            ],
            noValue: clusterHint,
            width: 12,
          }),
          timeseries({
            title: 'Panic mode and no healthy upstream',
            description:
              'Requests per second balanced in panic mode, across all endpoints because too few are healthy (envoy_cluster_lb_healthy_panic), and requests answered 503 UH because the cluster had no healthy endpoint (envoy_cluster_upstream_cx_none_healthy).',
            unit: UNITS.requestsPerSecond,
            targets: [
              rateBy('envoy_cluster_lb_healthy_panic', 'panic'),
              rateBy('envoy_cluster_upstream_cx_none_healthy', 'no healthy'),
            ],
            noValue: clusterHint,
            width: 12,
          }),
          stat({
            title: 'Cross-zone share',
            description:
              "Share of the workload's upstream requests to mesh services answered by an endpoint in another zone than the calling pod's, over the window (Envoy's per-zone stats, envoy_cluster_zone_<from>_<to>_upstream_rq_completed). Cross-zone traffic costs latency and, on most clouds, money; Istio keeps requests in the zone only where a DestinationRule sets outlier detection (locality load balancing).",
            unit: UNITS.ratio,
            targets: [
              { expr: `(sum(${e.crossZone(zonePairs)}) or vector(0)) / sum(${zonePairs})`, legend: 'cross-zone' },
            ],
            decimals: 1,
            noValue: clusterHint,
            width: 6,
            height: 8,
          }),
          timeseries({
            title: 'Requests by zone pair',
            description:
              "Share of the workload's upstream requests by the calling pod's zone and the zone of the endpoint that answered (envoy_cluster_zone_<from>_<to>_upstream_rq_completed; zones as Envoy prints them in the stat name, - and . made _). Requests answered locally (no healthy upstream) have no zone.",
            unit: UNITS.ratio,
            targets: [
              { expr: `${zonePairs} / on() group_left() sum(${zonePairs})`, legend: '{{from_zone}} → {{to_zone}}' },
            ],
            noValue: clusterHint,
            width: 9,
          }),
          timeseries({
            title: 'Upstream zones per cluster',
            description:
              "Per Envoy cluster, the share of its requests each endpoint zone answered: the locality weights in effect (evenly over endpoints without locality load balancing, the caller's zone first with failover, the DestinationRule's distribute weights).",
            unit: UNITS.ratio,
            targets: [
              {
                expr: `${clusterZones} / on(cluster_name) group_left() sum by (cluster_name) (${clusterZones})`,
                legend: '{{cluster_name}}: {{to_zone}}',
              },
            ],
            noValue: clusterHint,
            width: 9,
          }),
          timeseries({
            title: 'Zone-aware routing decisions',
            description:
              "Envoy's zone-aware routing counters per second (envoy_cluster_lb_zone_*, lb_local_cluster_not_ok): requests sent all to the local zone, sampled between zones or across, and why zone routing was skipped. Zone-aware routing needs a local cluster, which Istio's bootstrap does not configure (Istio balances by locality through EDS priorities and weights instead), so these stay 0 unless an EnvoyFilter sets one.",
            unit: UNITS.requestsPerSecond,
            targets: [
              {
                expr: `sum by (decision) (${tagged(
                  'decision',
                  Object.fromEntries(Object.entries(ZONE_ROUTING).map(([d, m]) => [d, e.counterRate(m, [], [svc])]))
                )})`,
                legend: '{{decision}}',
              },
            ],
            noValue: clusterHint,
            width: 24,
          }),
        ],
      },
    ],
  };
}
