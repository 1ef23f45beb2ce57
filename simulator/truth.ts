// /truth: what the simulator is generating right now, so tests (and curious users) can compare
// what Prometheus computes with what was generated.
import type { Mesh } from './model/mesh';
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

export interface Truth {
  time: number;
  seed: number;
  topology: string;
  scenarios: ActiveScenario[];
  edges: EdgeTruth[];
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

export function truthOf(mesh: Mesh, scenarios: ActiveScenario[], now: number): Truth {
  return {
    time: now,
    seed: mesh.seed,
    topology: mesh.topology.name,
    scenarios,
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
