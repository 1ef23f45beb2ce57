// Envoy's own stats on a proxy: the default inclusion list every sidecar exposes (spec §2.5), the
// extended per-cluster / per-listener stats proxyStatsMatcher turns on (spec §6), and Wasm runtime
// stats for pods that run an extension. Names and label order follow Istio's tag extraction (§6.1).
import type { Reporter } from '../spec/labels';
import {
  activeConnections,
  attempts,
  clusterKind,
  INBOUND_LISTENER,
  MTLS_CIPHER,
  MTLS_VERSION,
  outboundPort,
  REQUESTS_PER_CONNECTION,
  upstreamTls,
} from '../model/envoy-clusters';
import { type EnvoyFamily, type FamilyType, staticFamily, type TrafficEntry } from './proxy';

/** Proxy facts the default stats are derived from. */
export interface ProxyFacts {
  startedAt: number;
  now: () => number;
  /** LDS updates this proxy rejected so far (xds-rejects scenario). */
  ldsRejected: () => number;
  /** Outbound clusters Envoy knows (one per service in the mesh, as without Sidecar scoping). */
  clusterCount: number;
  listenerCount: number;
}

const XDS = 'cluster_name="xds-grpc"';

export function defaultFamilies(f: ProxyFacts): EnvoyFamily[] {
  const uptime = () => Math.max(0, Math.floor(f.now() - f.startedAt));
  // Every 30 s istiod pushes; a successful CDS/LDS update each time, rejected ones counted apart.
  const updates = () => 1 + Math.floor(uptime() / 30);
  const c = (name: string, key: string, labels: string, v: () => number) =>
    staticFamily(name, 'counter', key, () => [[labels, v()]]);
  const g = (name: string, key: string, labels: string, v: () => number) =>
    staticFamily(name, 'gauge', key, () => [[labels, v()]]);
  return [
    c('envoy_cluster_upstream_cx_total', 'cluster.upstream_cx_total', XDS, () => 1),
    staticFamily('envoy_cluster_upstream_rq', 'counter', 'cluster.upstream_rq', () => [
      [`response_code_class="2xx",${XDS}`, updates() * 4],
    ]),
    c('envoy_cluster_manager_cds_update_success', 'cluster_manager.cds_update_success', '', updates),
    c('envoy_cluster_manager_cds_update_rejected', 'cluster_manager.cds_update_rejected', '', () => 0),
    c(
      'envoy_listener_manager_lds_update_success',
      'listener_manager.lds_update_success',
      '',
      () => updates() - Math.floor(f.ldsRejected())
    ),
    c('envoy_listener_manager_lds_update_rejected', 'listener_manager.lds_update_rejected', '', () =>
      Math.floor(f.ldsRejected())
    ),
    c('envoy_server_envoy_bug_failures', 'server.envoy_bug_failures', '', () => 0),
    g('envoy_cluster_upstream_cx_active', 'cluster.upstream_cx_active', XDS, () => 1),
    g('envoy_cluster_manager_active_clusters', 'cluster_manager.active_clusters', '', () => f.clusterCount),
    g(
      'envoy_listener_manager_total_listeners_active',
      'listener_manager.total_listeners_active',
      '',
      () => f.listenerCount
    ),
    g('envoy_server_live', 'server.live', '', () => 1),
    g('envoy_server_state', 'server.state', '', () => 0),
    g('envoy_server_uptime', 'server.uptime', '', uptime),
    g('envoy_server_memory_allocated', 'server.memory_allocated', '', () => 9_000_000 + f.clusterCount * 60_000),
  ];
}

export function wasmFamilies(extensions: readonly string[]): EnvoyFamily[] {
  // One VM per extension on the main thread and each of Envoy's 2 default workers.
  const vms = extensions.length * 3;
  const f = (name: string, type: FamilyType, v: number) =>
    staticFamily(`envoy_wasm_${name}`, type, `wasm.${name}`, () => [['', v]]);
  return [
    f('envoy_wasm_runtime_v8_created', 'counter', vms),
    f('remote_load_cache_hits', 'counter', 0),
    f('remote_load_cache_misses', 'counter', extensions.length),
    f('remote_load_cache_negative_hits', 'counter', 0),
    f('remote_load_fetch_successes', 'counter', extensions.length),
    f('remote_load_fetch_failures', 'counter', 0),
    f('envoy_wasm_runtime_v8_active', 'gauge', vms),
    f('remote_load_cache_entries', 'gauge', extensions.length),
  ];
}

/** A traffic entry as the proxy's own clusters and listeners see it. */
export interface ClusterView {
  entries: readonly TrafficEntry[];
  reporter: (e: TrafficEntry) => Reporter;
  /** Envoy cluster that carried the entry: outbound|port||fqdn, inbound|port||, PassthroughCluster… */
  cluster: (e: TrafficEntry) => string;
  inboundPrefix: string;
  /** Endpoints EDS gives the cluster right now (pods of the service that are up). */
  endpoints: (cluster: string) => number;
  /** The proxy's own zone (its node's), Envoy's `from_zone`. */
  localZone: string;
  /** Upstream zones the entry's requests reach, with their shares; empty where the upstream host has no locality. */
  zones: (e: TrafficEntry) => ReadonlyArray<[string, number]>;
}

/** What one cluster carried so far, summed over the entries it serves. */
interface ClusterTally {
  /** Upstream attempts by response code (retries included). */
  attempts: Map<string, number>;
  requests: number;
  /** Requests over an Istio mutual-TLS upstream connection. */
  tlsRequests: number;
  retries: number;
  retryLimitExceeded: number;
  /** Requests answered locally because the cluster had no healthy endpoint (flag UH). */
  noneHealthy: number;
  /** Upstream attempts by the upstream host's zone, then response code: Envoy's per-zone stats. */
  zones: Map<string, Map<string, number>>;
}

/** Final response codes by HCM stat prefix: inbound_0.0.0.0_<port> and outbound_0.0.0.0_<port>. */
type PrefixTally = Map<string, Map<string, number>>;

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const classOf = (code: string) => `${code[0]}xx`;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function tally(v: ClusterView): { clusters: Map<string, ClusterTally>; prefixes: PrefixTally } {
  const clusters = new Map<string, ClusterTally>();
  const prefixes: PrefixTally = new Map();
  for (const e of v.entries) {
    const { code, flags } = e.series.outcome;
    // Code 0 is Istio's "no response": Envoy's upstream_rq stats count only responses that were received.
    if (code === '' || code === '0') {
      continue;
    }
    const name = v.cluster(e);
    const kind = clusterKind(name);
    const n = Math.floor(e.series.total * e.share);
    const t = clusters.get(name) ?? {
      attempts: new Map(),
      requests: 0,
      tlsRequests: 0,
      retries: 0,
      retryLimitExceeded: 0,
      noneHealthy: 0,
      zones: new Map(),
    };
    const tries = attempts(kind, code, flags);
    // A local reply (UH) has no upstream host, so no zone: Envoy charges zone stats only with both zones known.
    for (const [zone, share] of flags === 'UH' ? [] : v.zones(e)) {
      const codes = t.zones.get(zone) ?? new Map<string, number>();
      add(codes, code, n * tries * share);
      t.zones.set(zone, codes);
    }
    add(t.attempts, code, n * tries);
    t.requests += n * tries;
    t.tlsRequests += upstreamTls(kind, e.series.hop.mtls) ? n * tries : 0;
    t.retries += n * (tries - 1);
    t.retryLimitExceeded += tries > 1 ? n : 0;
    t.noneHealthy += flags === 'UH' ? n : 0;
    clusters.set(name, t);
    const port = outboundPort(name);
    const prefix =
      v.reporter(e) === 'destination' ? v.inboundPrefix : port === undefined ? undefined : `outbound_0.0.0.0_${port}`;
    if (prefix !== undefined) {
      const codes = prefixes.get(prefix) ?? new Map<string, number>();
      add(codes, code, n);
      prefixes.set(prefix, codes);
    }
  }
  return { clusters, prefixes };
}

/** Connections opened for `requests`: a new one every REQUESTS_PER_CONNECTION requests. */
const opened = (requests: number) => Math.ceil(requests / REQUESTS_PER_CONNECTION);

export function extendedFamilies(v: ClusterView): EnvoyFamily[] {
  type Sample = [string, number];
  const cl = (c: string) => `cluster_name="${c}"`;
  /** A per-cluster family; `tls` ones exist only on clusters with a TLS transport socket, as in Envoy. */
  const perCluster = (
    name: string,
    type: FamilyType,
    stat: string,
    value: (t: ClusterTally, cluster: string) => number,
    tls = false
  ) =>
    staticFamily(name, type, `cluster.${stat}`, () =>
      [...tally(v).clusters].filter(([, t]) => !tls || t.tlsRequests > 0).map(([c, t]): Sample => [cl(c), value(t, c)])
    );
  const zero = () => 0;
  const listener = (name: string, stat: string, value: () => number) =>
    staticFamily(name, 'counter', `listener.${stat}`, () => [[`listener_address="${INBOUND_LISTENER}"`, value()]]);
  /** Inbound mutual-TLS connections the sidecar accepted (downstream handshakes on its inbound listener). */
  const inboundTls = () =>
    opened(
      v.entries
        .filter((e) => v.reporter(e) === 'destination' && e.series.hop.mtls && e.series.outcome.code !== '')
        .reduce((n, e) => n + Math.floor(e.series.total * e.share), 0)
    );
  return [
    // One family, two label shapes: by class and, since Istio 1.16's tag fix, by exact code (spec §6.2).
    staticFamily('envoy_cluster_upstream_rq', 'counter', 'cluster.upstream_rq', () =>
      [...tally(v).clusters].flatMap(([c, t]): Sample[] => {
        const classes = new Map<string, number>();
        for (const [code, n] of t.attempts) {
          add(classes, classOf(code), n);
        }
        return [
          ...[...classes].map(([cls, n]): Sample => [`response_code_class="${cls}",${cl(c)}`, n]),
          ...[...t.attempts].map(([code, n]): Sample => [`response_code="${code}",${cl(c)}`, n]),
        ];
      })
    ),
    perCluster('envoy_cluster_upstream_rq_total', 'counter', 'upstream_rq_total', (t) => t.requests),
    perCluster('envoy_cluster_upstream_rq_retry', 'counter', 'upstream_rq_retry', (t) => t.retries),
    perCluster(
      'envoy_cluster_upstream_rq_retry_limit_exceeded',
      'counter',
      'upstream_rq_retry_limit_exceeded',
      (t) => t.retryLimitExceeded
    ),
    perCluster('envoy_cluster_upstream_rq_timeout', 'counter', 'upstream_rq_timeout', zero),
    perCluster('envoy_cluster_upstream_rq_pending_overflow', 'counter', 'upstream_rq_pending_overflow', zero),
    perCluster('envoy_cluster_upstream_cx_total', 'counter', 'upstream_cx_total', (t) => opened(t.requests)),
    perCluster('envoy_cluster_upstream_cx_connect_fail', 'counter', 'upstream_cx_connect_fail', zero),
    perCluster('envoy_cluster_upstream_cx_connect_timeout', 'counter', 'upstream_cx_connect_timeout', zero),
    perCluster('envoy_cluster_upstream_cx_overflow', 'counter', 'upstream_cx_overflow', zero),
    perCluster('envoy_cluster_upstream_cx_none_healthy', 'counter', 'upstream_cx_none_healthy', (t) => t.noneHealthy),
    perCluster(
      'envoy_cluster_outlier_detection_ejections_enforced_total',
      'counter',
      'outlier_detection.ejections_enforced_total',
      zero
    ),
    perCluster('envoy_cluster_lb_healthy_panic', 'counter', 'lb_healthy_panic', zero),
    // Envoy's zone-aware routing needs a local cluster (cluster_manager.local_cluster_name), which Istio's bootstrap
    // does not set: it balances by locality through EDS priorities and weights instead, so these stay 0.
    ...ZONE_ROUTING_STATS.map((stat) => perCluster(`envoy_cluster_${stat}`, 'counter', stat, zero)),
    perCluster('envoy_cluster_ssl_handshake', 'counter', 'ssl.handshake', (t) => opened(t.tlsRequests), true),
    perCluster('envoy_cluster_ssl_connection_error', 'counter', 'ssl.connection_error', zero, true),
    perCluster(
      `envoy_cluster_ssl_ciphers_${MTLS_CIPHER}`,
      'counter',
      `ssl.ciphers.${MTLS_CIPHER}`,
      (t) => opened(t.tlsRequests),
      true
    ),
    perCluster(
      `envoy_cluster_ssl_versions_${MTLS_VERSION}`,
      'counter',
      `ssl.versions.${MTLS_VERSION}`,
      (t) => opened(t.tlsRequests),
      true
    ),
    staticFamily('envoy_http_downstream_rq', 'counter', 'http.downstream_rq', () =>
      [...tally(v).prefixes].flatMap(([p, codes]) => {
        const classes = new Map<string, number>();
        for (const [code, n] of codes) {
          add(classes, classOf(code), n);
        }
        return [...classes].map(([cls, n]): Sample => [
          `response_code_class="${cls}",http_conn_manager_prefix="${p}"`,
          n,
        ]);
      })
    ),
    staticFamily('envoy_http_downstream_rq_total', 'counter', 'http.downstream_rq_total', () =>
      [...tally(v).prefixes].map(([p, codes]): Sample => [`http_conn_manager_prefix="${p}"`, sum(codes)])
    ),
    listener('envoy_listener_ssl_handshake', 'ssl.handshake', inboundTls),
    listener('envoy_listener_ssl_connection_error', 'ssl.connection_error', zero),
    listener(`envoy_listener_ssl_ciphers_${MTLS_CIPHER}`, `ssl.ciphers.${MTLS_CIPHER}`, inboundTls),
    listener(`envoy_listener_ssl_versions_${MTLS_VERSION}`, `ssl.versions.${MTLS_VERSION}`, inboundTls),
    perCluster('envoy_cluster_upstream_cx_active', 'gauge', 'upstream_cx_active', (_, c) =>
      activeConnections(v.endpoints(c))
    ),
    perCluster('envoy_cluster_upstream_rq_pending_active', 'gauge', 'upstream_rq_pending_active', zero),
    perCluster('envoy_cluster_circuit_breakers_default_cx_open', 'gauge', 'circuit_breakers.default.cx_open', zero),
    perCluster('envoy_cluster_circuit_breakers_default_rq_open', 'gauge', 'circuit_breakers.default.rq_open', zero),
    perCluster('envoy_cluster_outlier_detection_ejections_active', 'gauge', 'outlier_detection.ejections_active', zero),
    perCluster('envoy_cluster_membership_total', 'gauge', 'membership_total', (_, c) => v.endpoints(c)),
    perCluster('envoy_cluster_membership_healthy', 'gauge', 'membership_healthy', (_, c) => v.endpoints(c)),
    perCluster('envoy_cluster_membership_degraded', 'gauge', 'membership_degraded', zero),
    perCluster('envoy_cluster_lb_subsets_active', 'gauge', 'lb_subsets_active', zero),
  ];
}

/** Envoy's zone-aware routing counters (cluster manager statistics, load balancer statistics). */
export const ZONE_ROUTING_STATS = [
  'lb_local_cluster_not_ok',
  'lb_recalculate_zone_structures',
  'lb_zone_cluster_too_small',
  'lb_zone_no_capacity_left',
  'lb_zone_number_differs',
  'lb_zone_routing_all_directly',
  'lb_zone_routing_cross_zone',
  'lb_zone_routing_sampled',
];

/** Envoy's Prometheus name sanitising: every character not valid in a metric name becomes `_`. */
export const sanitizeStatName = (name: string) => name.replace(/[^a-zA-Z0-9_:]/g, '_');

/**
 * Envoy's per-zone upstream stats towards one upstream zone, `cluster.<c>;.zone.<from_zone>.<to_zone>.upstream_rq_<code>`
 * and `…upstream_rq_completed`. Istio's tag extraction takes the cluster name and the code (class) out, but no tag
 * takes the zones, so they stay in the metric name: envoy_cluster_zone_<from>_<to>_upstream_rq{response_code_class}.
 */
export function zoneFamilies(v: ClusterView, toZone: string): EnvoyFamily[] {
  type Sample = [string, number];
  const name = `envoy_cluster_zone_${sanitizeStatName(v.localZone)}_${sanitizeStatName(toZone)}_upstream_rq`;
  const stat = `cluster.zone.${v.localZone}.${toZone}.upstream_rq`;
  const codesOf = () =>
    [...tally(v).clusters].flatMap(([c, t]): Array<[string, Map<string, number>]> => {
      const codes = t.zones.get(toZone);
      return codes ? [[c, codes]] : [];
    });
  return [
    staticFamily(name, 'counter', stat, () =>
      codesOf().flatMap(([c, codes]): Sample[] => {
        const classes = new Map<string, number>();
        for (const [code, n] of codes) {
          add(classes, classOf(code), n);
        }
        return [
          ...[...classes].map(([cls, n]): Sample => [
            `response_code_class="${cls}",cluster_name="${c}"`,
            Math.floor(n),
          ]),
          ...[...codes].map(([code, n]): Sample => [`response_code="${code}",cluster_name="${c}"`, Math.floor(n)]),
        ];
      })
    ),
    staticFamily(`${name}_completed`, 'counter', `${stat}_completed`, () =>
      codesOf().map(([c, codes]): Sample => [`cluster_name="${c}"`, Math.floor(sum(codes))])
    ),
  ];
}
