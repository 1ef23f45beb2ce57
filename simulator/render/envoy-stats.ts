// Envoy's own stats on a proxy: the default inclusion list every sidecar exposes (spec §2.5), the
// extended per-cluster / per-listener stats proxyStatsMatcher turns on (spec §6), and Wasm runtime
// stats for pods that run an extension. Names and label order follow Istio's tag extraction (§6.1).
import type { Reporter } from '../spec/labels';
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
}

const REQUESTS_PER_CONNECTION = 100;

export function extendedFamilies(v: ClusterView): EnvoyFamily[] {
  /** Sums request counts by cluster (or HCM prefix) and response code. */
  const tally = (keyOf: (e: TrafficEntry) => string | undefined) => {
    const byKey = new Map<string, Map<string, number>>();
    for (const e of v.entries) {
      const key = keyOf(e);
      const code = e.series.outcome.code;
      // Code 0 is Istio's "no response": Envoy's upstream_rq stats count only responses that were received.
      if (key === undefined || code === '' || code === '0') {
        continue;
      }
      const codes = byKey.get(key) ?? new Map<string, number>();
      codes.set(code, (codes.get(code) ?? 0) + Math.floor(e.series.total * e.share));
      byKey.set(key, codes);
    }
    return byKey;
  };
  const byCluster = () => tally(v.cluster);
  const inbound = () => tally((e) => (v.reporter(e) === 'destination' ? v.inboundPrefix : undefined));
  const byClass = (codes: Map<string, number>) => {
    const classes = new Map<string, number>();
    for (const [code, n] of codes) {
      classes.set(`${code[0]}xx`, (classes.get(`${code[0]}xx`) ?? 0) + n);
    }
    return classes;
  };
  const total = (codes: Map<string, number>) => [...codes.values()].reduce((a, b) => a + b, 0);
  const perCluster = (fn: (codes: Map<string, number>) => number) => () =>
    [...byCluster()].map(([c, codes]): [string, number] => [`cluster_name="${c}"`, fn(codes)]);
  const mtlsConnections = () => {
    let n = 0;
    for (const e of v.entries) {
      if (e.series.hop.mtls) {
        n += Math.ceil((e.series.total * e.share) / REQUESTS_PER_CONNECTION);
      }
    }
    return n;
  };
  const connections = (codes: Map<string, number>) => Math.ceil(total(codes) / REQUESTS_PER_CONNECTION);
  return [
    // One family, two label shapes: by class and, since Istio 1.16's tag fix, by exact code (spec §6.2).
    staticFamily('envoy_cluster_upstream_rq', 'counter', 'cluster.upstream_rq', () =>
      [...byCluster()].flatMap(([c, codes]): Array<[string, number]> => [
        ...[...byClass(codes)].map(([cls, n]): [string, number] => [
          `response_code_class="${cls}",cluster_name="${c}"`,
          n,
        ]),
        ...[...codes].map(([code, n]): [string, number] => [`response_code="${code}",cluster_name="${c}"`, n]),
      ])
    ),
    staticFamily('envoy_cluster_upstream_rq_total', 'counter', 'cluster.upstream_rq_total', perCluster(total)),
    staticFamily('envoy_cluster_upstream_cx_total', 'counter', 'cluster.upstream_cx_total', perCluster(connections)),
    staticFamily('envoy_cluster_ssl_handshake', 'counter', 'cluster.ssl.handshake', perCluster(connections)),
    staticFamily(
      'envoy_cluster_ssl_ciphers_TLS_AES_128_GCM_SHA256',
      'counter',
      'cluster.ssl.ciphers.TLS_AES_128_GCM_SHA256',
      perCluster(connections)
    ),
    staticFamily(
      'envoy_cluster_ssl_versions_TLSv1_3',
      'counter',
      'cluster.ssl.versions.TLSv1_3',
      perCluster(connections)
    ),
    staticFamily(
      'envoy_cluster_lb_healthy_panic',
      'counter',
      'cluster.lb_healthy_panic',
      perCluster(() => 0)
    ),
    staticFamily('envoy_http_downstream_rq', 'counter', 'http.downstream_rq', () =>
      [...inbound()].flatMap(([p, codes]) =>
        [...byClass(codes)].map(([cls, n]): [string, number] => [
          `response_code_class="${cls}",http_conn_manager_prefix="${p}"`,
          n,
        ])
      )
    ),
    staticFamily('envoy_http_downstream_rq_total', 'counter', 'http.downstream_rq_total', () =>
      [...inbound()].map(([p, codes]): [string, number] => [`http_conn_manager_prefix="${p}"`, total(codes)])
    ),
    staticFamily('envoy_listener_ssl_handshake', 'counter', 'listener.ssl.handshake', () => [
      ['listener_address="0.0.0.0_15006"', mtlsConnections()],
    ]),
    staticFamily(
      'envoy_cluster_upstream_cx_active',
      'gauge',
      'cluster.upstream_cx_active',
      perCluster((codes) => (total(codes) > 0 ? 2 : 0))
    ),
    staticFamily(
      'envoy_cluster_lb_subsets_active',
      'gauge',
      'cluster.lb_subsets_active',
      perCluster(() => 0)
    ),
  ];
}
