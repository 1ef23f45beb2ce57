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
import { ZONE_ROUTING_STATS } from './render/envoy-stats';
import type { IstiodTruth } from './targets/istiod';

export interface EdgeTruth {
  /** Stable id, used by /scenarios: "ns/source->ns/destination" (or "->host" for egress and external hosts). */
  id: string;
  index: number;
  protocol: 'http' | 'grpc' | 'tcp';
  source: { workload: string; namespace: string } | null;
  destination: { workload: string; namespace: string; service: string } | null;
  egress: { cluster: string; host: string } | null;
  /** A host outside the mesh that a ServiceEntry in `namespace` registers. */
  external: { host: string; namespace: string } | null;
  /** Reporters whose istio_* series carry this edge's traffic (ztunnel's L4 series listed apart). */
  reporters: string[];
  ztunnel: boolean;
  /**
   * The hops ztunnel reports of this edge, by the workloads it names ("unknown" for a caller outside the mesh): one
   * between the two ends, or, through a waypoint, the client's leg to it (ambient clients) and the server's leg from
   * it (while the server has endpoints). Each carries the edge's bytes (`tcp`).
   */
  ztunnelHops: Array<{ source: string; destination: string }>;
  /** The waypoint in the path (the destination is ambient behind one), or null. */
  waypoint: string | null;
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
  /** Upstream requests per second by the answering endpoint's zone, as the per-zone stats count them. */
  upstreamZones: Record<string, number>;
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
  /** Each pod's locality, `region/zone/subzone` (subzone often empty), from its node. */
  localities: Record<string, string>;
  /**
   * Upstream requests per second (attempts, retries included) from the pods' zone to the upstream host's zone, over
   * the clusters whose hosts have a locality (mesh services), as Envoy's per-zone stats count them.
   */
  zones: Array<{ from: string; to: string; requestsPerSecond: number }>;
  /** Share of those requests that leave their zone. */
  crossZoneShare: number;
  /** Envoy's zone-aware routing counters per second (ZONE_ROUTING_STATS): all 0, Istio sets no local cluster. */
  zoneRouting: Record<string, number>;
}

export interface Truth {
  time: number;
  seed: number;
  topology: string;
  scenarios: ActiveScenario[];
  edges: EdgeTruth[];
  /** Workloads whose sidecars have the extended stats on. */
  proxies: ProxyTruth[];
  /** One istiod per cluster. */
  istiods: IstiodTruth[];
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
  const zones = new Map<string, { from: string; to: string; requestsPerSecond: number }>();
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
      upstreamZones: {},
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
    for (const pod of side === 'source' ? w.pods : []) {
      for (const [to, share] of mesh.zoneSplit(e, pod)) {
        const from = pod.locality.zone;
        const z = zones.get(`${from}>${to}`) ?? { from, to, requestsPerSecond: 0 };
        // Per-zone stats count upstream responses: neither requests without one (code 0) nor local replies (UH).
        for (const o of outcomes(e.spec, b).filter((x) => x.code !== '0' && x.flags !== 'UH')) {
          const n = (b.rate * o.share * attempts(kind, o.code, o.flags) * share) / w.pods.length;
          z.requestsPerSecond += n;
          bump(c.upstreamZones, to, n);
        }
        zones.set(`${from}>${to}`, z);
      }
    }
  }
  const zoneTotal = [...zones.values()].reduce((n, z) => n + z.requestsPerSecond, 0);
  const crossZone = [...zones.values()].filter((z) => z.from !== z.to).reduce((n, z) => n + z.requestsPerSecond, 0);
  return {
    workload: w.spec.name,
    namespace: w.spec.namespace,
    pods: w.pods.map((p) => p.name),
    clusters: [...clusters.values()],
    downstream,
    inboundTlsHandshakesPerSecond: inboundTls,
    tls: { cipher: MTLS_CIPHER, version: MTLS_VERSION },
    localities: Object.fromEntries(
      w.pods.map((p) => [p.name, [p.locality.region, p.locality.zone, p.locality.subzone].join('/')])
    ),
    zones: [...zones.values()],
    crossZoneShare: zoneTotal > 0 ? crossZone / zoneTotal : 0,
    zoneRouting: Object.fromEntries(ZONE_ROUTING_STATS.map((stat) => [stat, 0])),
  };
}

function ztunnelHops(src: Workload | undefined, dst: Workload | undefined, destinationDown: boolean) {
  const caller = src?.spec.name ?? 'unknown';
  const hops: EdgeTruth['ztunnelHops'] = [];
  const waypoint = dst?.waypoint;
  if (waypoint) {
    if (src?.mode === 'ambient') {
      hops.push({ source: caller, destination: waypoint.spec.name });
    }
    if (!destinationDown) {
      hops.push({ source: waypoint.spec.name, destination: dst.spec.name });
    }
  } else if (dst && (src?.mode === 'ambient' || (dst.mode === 'ambient' && !destinationDown))) {
    hops.push({ source: caller, destination: dst.spec.name });
  }
  return hops;
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
    istiods: [...mesh.istiods.values()].map((i) => i.truth()),
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
        external: e.spec.external ? { host: e.spec.external.host, namespace: e.spec.external.namespace } : null,
        reporters: reporters.filter((r) => r !== 'ztunnel'),
        ztunnel: src?.mode === 'ambient' || dst?.mode === 'ambient',
        ztunnelHops: ztunnelHops(src, dst, b.destinationDown),
        waypoint: dst?.waypoint?.spec.name ?? null,
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
