/**
 * The one rule that keeps a request from being counted twice. Each request is reported by the client sidecar or
 * gateway (`source`), by the server sidecar (`destination`) and, in ambient mode, by the waypoint (`waypoint`);
 * ztunnel reports L4 bytes as `source` and `destination` too. Per edge (and per response code, bucket, …) we keep the
 * series of one reporter, in the panel plugin's order (src/topology/model/reporter.ts): destination, else waypoint,
 * else source. PromQL's `or` does exactly that: it keeps a right-hand series only when no left-hand series has the
 * same labels, so `dst or waypoint or src` grouped by edge labels counts every edge once.
 */

export type Side = 'client' | 'server' | 'once';

/** Reporters per side, in preference order. client: what callers saw; server: what the serving side saw. */
export const REPORTERS: Record<Side, readonly string[]> = {
  client: ['source'],
  server: ['destination', 'waypoint'],
  once: ['destination', 'waypoint', 'source'],
};

/** Labels naming an edge identically whichever proxy reports it (target labels such as cluster differ). */
export const EDGE_LABELS = [
  'source_workload',
  'source_workload_namespace',
  'destination_service',
  'destination_workload',
  'destination_workload_namespace',
] as const;
