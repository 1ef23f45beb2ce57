// How a sidecar's Envoy clusters carry the traffic its istio_* series count: the rules the extended stats
// (render/envoy-stats.ts) are printed by and /truth (truth.ts) states them by, kept here so the two cannot drift.
import type { EdgeSpec } from '../topology/types';

/** Requests one upstream connection carries before it is closed (keep-alive reuse). */
export const REQUESTS_PER_CONNECTION = 10;
/** Envoy's connection pools are per worker thread; Istio's sidecars run 2 workers (concurrency: 2). */
export const WORKER_THREADS = 2;
/**
 * Istio's default retry policy: 2 retries on connect-failure, refused-stream, unavailable, cancelled and
 * retriable-status-codes (503), applied on the client side only.
 */
export const DEFAULT_RETRIES = 2;
/** What two Istio 1.2x sidecars negotiate for mutual TLS (BoringSSL, TLS 1.3 default suite). */
export const MTLS_CIPHER = 'TLS_AES_128_GCM_SHA256';
export const MTLS_VERSION = 'TLSv1_3';
/** Inbound HTTP listener of a sidecar (iptables redirects inbound traffic to 15006). */
export const INBOUND_LISTENER = '0.0.0.0_15006';

export type ClusterKind = 'inbound' | 'outbound' | 'passthrough' | 'blackhole';

export function clusterKind(cluster: string): ClusterKind {
  if (cluster === 'PassthroughCluster' || cluster === 'InboundPassthroughCluster') {
    return 'passthrough';
  }
  if (cluster === 'BlackHoleCluster') {
    return 'blackhole';
  }
  return cluster.startsWith('inbound') ? 'inbound' : 'outbound';
}

/** Upstream attempts behind one final response: a 503 from the app is retried, a local reply (UH) is not. */
export function attempts(kind: ClusterKind, code: string, flags: string): number {
  return kind === 'outbound' && code === '503' && flags === '-' ? 1 + DEFAULT_RETRIES : 1;
}

/** Only clusters to mesh services have an Istio mutual-TLS transport socket, so only they count ssl.* stats. */
export function upstreamTls(kind: ClusterKind, mtls: boolean): boolean {
  return kind === 'outbound' && mtls;
}

/** Connections a cluster held open: one per worker per endpoint while it carries traffic. */
export function activeConnections(endpoints: number): number {
  return WORKER_THREADS * endpoints;
}

/** `outbound|<port>|<subset>|<fqdn>` → port, or undefined for other cluster names. */
export function outboundPort(cluster: string): string | undefined {
  return /^outbound\|(\d+)\|/.exec(cluster)?.[1];
}

/** The ServiceEntry port an external hop uses: plain HTTP on 80, or the app's own TLS on 443, proxied as TCP. */
export function externalPort(spec: EdgeSpec): number {
  return spec.external?.port ?? (spec.protocol === 'tcp' ? 443 : 80);
}
