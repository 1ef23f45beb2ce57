// /truth: what the simulator is generating right now, so tests (and curious users) can compare
// what Prometheus computes with what was generated.
import {
  activeConnections,
  attempts,
  type ClusterKind,
  clusterKind,
  MTLS_CIPHER,
  MTLS_VERSION,
  outboundPort,
  REQUESTS_PER_CONNECTION,
  upstreamTls,
} from './model/envoy-clusters';
import type { Mesh, Workload } from './model/mesh';
import type { Reporter } from './spec/labels';
import { outcomes } from './model/edge';
import { quantile } from './util/distribution';
import type { ActiveScenario } from './scenarios';
import { ENVOY_DEFAULT_BUCKETS } from './spec/buckets';

export interface EdgeTruth {
  /** Stable id, used by /scenarios: "ns/source->ns/destination" (or "->host" for egress). */
  id: string;
  index: number;
  protocol: 'http' | 'grpc' | 'tcp';
  source: { workload: string; namespace: string } | null;
  destination: { workload: string; namespace: string; service: string } | null;
  egress: { cluster: string; host: string } | null;
  /** Reporters whose istio_* series carry this edge's traffic (ztunnel's L4 series listed apart). */
  reporters: string[];
  ztunnel: boolean;
  mtls: boolean;
  destinationDown: boolean;
  /** Mean requests (http, grpc) or connections (tcp) per second. Noise averages out over ≥20 s. */
  rate: number;
  /** Share of requests with a 5xx response code. */
  http5xxShare: number;
  /** Share of requests that failed (5xx, non-OK gRPC status, failed TCP connect). */
  errorShare: number;
  /** Share of requests (tcp: connections) per Envoy response_flags value other than "-", as the L7 series carry it. */
  responseFlags: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; p50Bucket: [number, number]; p90Bucket: [number, number] } | null;
  /** Byte rates of TCP edges, and of any hop ztunnel carries (it reports HTTP as L4 bytes). */
  tcp: { sentBytesPerSecond: number; receivedBytesPerSecond: number } | null;
  grpcMessagesPerSecond: number | null;
}

/** One Envoy cluster of a proxy with extended stats, summed over the workload's pods. */
export interface ClusterTruth {
  name: string;
  kind: ClusterKind;
  /** Upstream attempts per second, retries included, and by response code class. */
  requestsPerSecond: number;
  requestsByClass: Record<string, number>;
  retriesPerSecond: number;
  connectionsPerSecond: number;
  /** Upstream mutual-TLS handshakes per second (mesh clusters only). */
  tlsHandshakesPerSecond: number;
  activeConnections: number;
  /** Endpoints of the cluster; each pod of the workload sees them all. */
  endpoints: number;
}

/** What the extended Envoy stats of a workload's proxies (proxyStatsMatcher on) should show. */
export interface ProxyTruth {
  workload: string;
  namespace: string;
  pods: string[];
  clusters: ClusterTruth[];
  /** Final responses per second by HCM stat prefix (inbound_0.0.0.0_<port>, outbound_0.0.0.0_<port>) and class. */
  downstream: Record<string, Record<string, number>>;
  /** Mutual-TLS handshakes per second on the inbound listener (0.0.0.0_15006). */
  inboundTlsHandshakesPerSecond: number;
  tls: { cipher: string; version: string };
}

export interface Truth {
  time: number;
  seed: number;
  topology: string;
  scenarios: ActiveScenario[];
  edges: EdgeTruth[];
  /** Workloads whose sidecars have the extended stats on. */
  proxies: ProxyTruth[];
}

/** The Envoy bucket (lower, upper] holding value v. */
export function bucketOf(v: number): [number, number] {
  let lower = 0;
  for (const b of ENVOY_DEFAULT_BUCKETS) {
    if (v <= b) {
      return [lower, b];
    }
    lower = b;
  }
  return [lower, Infinity];
}

function flagShares(os: ReturnType<typeof outcomes>): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const o of os) {
    if (o.flags !== '-' && o.share > 0) {
      shares[o.flags] = (shares[o.flags] ?? 0) + o.share;
    }
  }
  return shares;
}

const bump = (r: Record<string, number>, k: string, n: number) => (r[k] = (r[k] ?? 0) + n);

function proxyTruth(mesh: Mesh, w: Workload): ProxyTruth {
  const clusters = new Map<string, ClusterTruth>();
  const downstream: Record<string, Record<string, number>> = {};
  let inboundTls = 0;
  for (const e of mesh.edges) {
    const b = e.behaviour;
    const side: Reporter | undefined =
      mesh.sourceOf(e) === w ? 'source' : mesh.destinationOf(e) === w && !b.destinationDown ? 'destination' : undefined;
    if (side === undefined || e.spec.protocol === 'tcp' || b.sourceDown) {
      continue;
    }
    const name = mesh.clusterOf(e, side);
    const kind = clusterKind(name);
    const endpoints = mesh.endpointsOf(name);
    const c = clusters.get(name) ?? {
      name,
      kind,
      requestsPerSecond: 0,
      requestsByClass: {},
      retriesPerSecond: 0,
      connectionsPerSecond: 0,
      tlsHandshakesPerSecond: 0,
      activeConnections: activeConnections(endpoints) * w.proxies.length,
      endpoints,
    };
    const port = outboundPort(name);
    const prefix = side === 'destination' ? `inbound_0.0.0.0_${w.identity.port}` : port && `outbound_0.0.0.0_${port}`;
    for (const o of outcomes(e.spec, b)) {
      const n = b.rate * o.share;
      const tries = attempts(kind, o.code, o.flags);
      c.requestsPerSecond += n * tries;
      bump(c.requestsByClass, `${o.code[0]}xx`, n * tries);
      c.retriesPerSecond += n * (tries - 1);
      c.connectionsPerSecond += (n * tries) / REQUESTS_PER_CONNECTION;
      c.tlsHandshakesPerSecond += upstreamTls(kind, b.mtls) ? (n * tries) / REQUESTS_PER_CONNECTION : 0;
      if (prefix) {
        bump((downstream[prefix] ??= {}), `${o.code[0]}xx`, n);
      }
      inboundTls += side === 'destination' && b.mtls ? n / REQUESTS_PER_CONNECTION : 0;
    }
    clusters.set(name, c);
  }
  return {
    workload: w.spec.name,
    namespace: w.spec.namespace,
    pods: w.pods.map((p) => p.name),
    clusters: [...clusters.values()],
    downstream,
    inboundTlsHandshakesPerSecond: inboundTls,
    tls: { cipher: MTLS_CIPHER, version: MTLS_VERSION },
  };
}

export function truthOf(mesh: Mesh, scenarios: ActiveScenario[], now: number): Truth {
  return {
    time: now,
    seed: mesh.seed,
    topology: mesh.topology.name,
    scenarios,
    proxies: mesh.workloads
      .filter((w) => w.spec.extendedStats && w.up && w.proxies.length > 0)
      .map((w) => proxyTruth(mesh, w)),
    edges: mesh.edges.map((e): EdgeTruth => {
      const b = e.behaviour;
      const src = mesh.sourceOf(e);
      const dst = mesh.destinationOf(e);
      const os = outcomes(e.spec, b);
      const rate = b.sourceDown ? 0 : b.rate;
      const reporters = [];
      if (src && src.mode !== 'ambient') {
        reporters.push('source');
      }
      if (dst && !b.destinationDown) {
        reporters.push(dst.mode !== 'ambient' ? 'destination' : dst.waypoint ? 'waypoint' : 'ztunnel');
      }
      const l = b.latency;
      const tcp = e.spec.protocol === 'tcp';
      return {
        id: e.id,
        index: e.index,
        protocol: e.spec.protocol,
        source: src ? { workload: src.spec.name, namespace: src.spec.namespace } : null,
        destination: dst
          ? { workload: dst.spec.name, namespace: dst.spec.namespace, service: dst.identity.serviceFqdn }
          : null,
        egress: e.spec.egress ?? null,
        reporters: reporters.filter((r) => r !== 'ztunnel'),
        ztunnel: src?.mode === 'ambient' || dst?.mode === 'ambient',
        mtls: b.mtls,
        destinationDown: b.destinationDown,
        rate,
        http5xxShare: os.filter((o) => o.code.startsWith('5')).reduce((n, o) => n + o.share, 0),
        errorShare: os.filter((o) => o.error).reduce((n, o) => n + o.share, 0),
        responseFlags: flagShares(os),
        latencyMs: tcp
          ? null
          : { p50: l.p50, p90: l.p90, p99: quantile(l, 0.99), p50Bucket: bucketOf(l.p50), p90Bucket: bucketOf(l.p90) },
        tcp:
          tcp || src?.mode === 'ambient' || dst?.mode === 'ambient'
            ? { sentBytesPerSecond: rate * e.responseSize.mean, receivedBytesPerSecond: rate * e.requestSize.mean }
            : null,
        grpcMessagesPerSecond: e.spec.protocol === 'grpc' ? rate * (e.spec.messagesPerRequest ?? 1) : null,
      };
    }),
  };
}
