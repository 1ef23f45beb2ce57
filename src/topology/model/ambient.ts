import { TopologyEdge } from './types';

type Finished = { edge: TopologyEdge; from: number; to: number };

/**
 * Ambient mode reports a request twice over: the waypoint's L7 series (requests, errors, latency) and the ztunnels'
 * L4 series (bytes) for the same traffic. Drawn apart they are parallel edges for one call, the duplicate edge Kiali
 * users reported, so the L4 bytes are folded into the edges the waypoint reported: first ztunnel's two legs through
 * the waypoint (foldWaypointLegs), then any TCP edge of a pair that a waypoint reported at L7 (foldSamePair). Pairs
 * without a waypoint keep their TCP edge, since nothing else carries that traffic. `waypoint(i)`: whether node i is a
 * waypoint.
 */
export function foldAmbientL4<T extends Finished>(finished: T[], waypoint: (node: number) => boolean): T[] {
  return foldSamePair(foldWaypointLegs(finished, waypoint));
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  list ? list.push(value) : map.set(key, [value]);
};

const sum = <T>(list: T[], of: (x: T) => number) => list.reduce((n, x) => n + of(x), 0);

/**
 * ztunnel names the waypoint, not the other end, on each leg of a hop through it (src/istio/semantics.ts
 * WAYPOINT_LEG_MATCHERS): client → waypoint on the client's node, waypoint → server on the server's. The waypoint's L7
 * edges name client and server. Each L7 edge takes its bytes from one leg, so none is counted twice:
 * - from the client's leg, when the client is ambient and has one: it names the client, so it is exact unless the
 *   client calls several services through the waypoint, when it is shared among them by request rate;
 * - otherwise (sidecar, gateway or outside callers) from the server's leg, less what the other recipients already
 *   hold, shared among the rest by request rate: exact for a server with one such caller.
 * A TCP edge the waypoint reported holds its own bytes (the waypoint's istio_tcp_* series): it absorbs its share of a
 * leg and keeps its figures. A leg nothing absorbs stays drawn, with its waypoint node.
 */
function foldWaypointLegs<T extends Finished>(finished: T[], waypoint: (node: number) => boolean): T[] {
  const byClient = new Map<number, T[]>();
  const byServer = new Map<number, T[]>();
  const clientLegs: T[] = [];
  const serverLegs = new Map<number, T[]>();
  for (const f of finished) {
    const intoWaypoint = waypoint(f.to);
    const fromWaypoint = waypoint(f.from);
    if (f.edge.protocol === 'tcp' && intoWaypoint !== fromWaypoint) {
      intoWaypoint ? clientLegs.push(f) : push(serverLegs, f.to, f);
    } else if (f.edge.reporter === 'waypoint' && !intoWaypoint && !fromWaypoint) {
      push(byClient, f.from, f);
      push(byServer, f.to, f);
    }
  }
  if (clientLegs.length === 0 && serverLegs.size === 0) {
    return finished;
  }
  const folded = new Set<T>();
  /** Bytes each recipient holds: what a leg gave it, or a TCP edge's own. */
  const held = new Map<T, number>();
  const give = (bytes: number, recipients: T[], leg: T[]) => {
    const http = recipients.filter((r) => r.edge.protocol !== 'tcp');
    const tcp = recipients.filter((r) => r.edge.protocol === 'tcp');
    tcp.forEach((r) => held.set(r, r.edge.bytesRate));
    const rest = Math.max(0, bytes - sum(tcp, (r) => r.edge.bytesRate));
    const rate = sum(http, (r) => r.edge.rate);
    for (const r of http) {
      const got = rest * (rate > 0 ? r.edge.rate / rate : 1 / http.length);
      r.edge.bytesRate += got;
      r.edge.l4Folded = true;
      r.edge.l4Estimated ||= http.length > 1 || undefined;
      held.set(r, got);
    }
    leg.forEach((l) => folded.add(l));
  };
  for (const leg of clientLegs) {
    const calls = byClient.get(leg.from) ?? [];
    const throughIt = calls.filter((c) => serverLegs.get(c.to)?.some((s) => s.from === leg.to));
    const recipients = (throughIt.length > 0 ? throughIt : calls).filter((c) => !held.has(c));
    if (recipients.length > 0) {
      give(leg.edge.bytesRate, recipients, [leg]);
    }
  }
  for (const [server, legs] of serverLegs) {
    const calls = byServer.get(server) ?? [];
    if (calls.length === 0) {
      continue;
    }
    const holding = calls.filter((c) => held.has(c));
    const bytes = sum(legs, (l) => l.edge.bytesRate) - sum(holding, (c) => held.get(c)!);
    give(
      bytes,
      calls.filter((c) => !held.has(c)),
      legs
    );
  }
  return finished.filter((f) => !folded.has(f));
}

/** A TCP edge of a pair a waypoint reported at L7 is that same traffic at L4: into the pair's busiest L7 edge. */
function foldSamePair<T extends Finished>(finished: T[]): T[] {
  const target = new Map<string, T>();
  for (const f of finished) {
    const { edge } = f;
    if (edge.protocol !== 'tcp' && edge.reporter === 'waypoint') {
      const key = `${f.from} ${f.to}`;
      const best = target.get(key);
      if (!best || edge.rate > best.edge.rate) {
        target.set(key, f);
      }
    }
  }
  if (target.size === 0) {
    return finished;
  }
  return finished.filter((f) => {
    const into = f.edge.protocol === 'tcp' ? target.get(`${f.from} ${f.to}`) : undefined;
    if (!into) {
      return true;
    }
    into.edge.bytesRate += f.edge.bytesRate;
    into.edge.l4Folded = true;
    return false;
  });
}
