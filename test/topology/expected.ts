/**
 * What the Topology view must show for the simulator's mesh, derived from the simulator's ground truth (never from
 * the panel's model): one node per workload, unknown caller or egress cluster that carries traffic, one edge per
 * protocol, and the request rate of each HTTP/gRPC edge.
 */
import type { EdgeTruth } from '../../simulator';

export interface ExpectedEdge {
  /** `source label → destination label`, as the tooltip titles an edge. */
  title: string;
  protocol: 'http' | 'grpc' | 'tcp';
  /** Requests per second for HTTP/gRPC; undefined for TCP. */
  rate?: number;
}

const sourceLabel = (e: EdgeTruth) => e.source?.workload ?? 'unknown';
const destinationLabel = (e: EdgeTruth) => e.destination?.workload ?? e.egress!.cluster;

/** `source label → destination label`, as the tooltip and the worst-edges list title an edge. */
export const edgeTitle = (e: EdgeTruth) => `${sourceLabel(e)} → ${destinationLabel(e)}`;

/** Only edges with traffic: an idle edge leaves no series behind it. */
export const active = (edges: EdgeTruth[]) => edges.filter((e) => e.rate > 0);

export function expectedNodes(edges: EdgeTruth[]): string[] {
  return [...new Set(active(edges).flatMap((e) => [sourceLabel(e), destinationLabel(e)]))].sort();
}

/** An ambient HTTP or gRPC hop through a waypoint: the waypoint reports L7, ztunnel the same traffic as L4 bytes. */
export const throughWaypoint = (e: EdgeTruth) => e.protocol !== 'tcp' && e.reporters.includes('waypoint');

/**
 * HTTP and gRPC edges carry their rate; TCP edges, and the L4 bytes ztunnel reports for HTTP hops in ambient
 * namespaces without a waypoint in the path, are edges of their own. Through a waypoint, one edge carries both.
 */
export function expectedEdges(edges: EdgeTruth[]): ExpectedEdge[] {
  return active(edges).flatMap((e) => {
    const title = edgeTitle(e);
    const l7: ExpectedEdge[] = e.protocol === 'tcp' ? [] : [{ title, protocol: e.protocol, rate: e.rate }];
    return e.tcp && !throughWaypoint(e) ? [...l7, { title, protocol: 'tcp' }] : l7;
  });
}

export const edgeKey = (e: { title: string; protocol: string }) => `${e.title} (${e.protocol})`;

const RATE_UNITS: Record<string, number> = { rps: 1, 'k rps': 1000, rpm: 1 / 60 };

/** Reads "12.3 rps", "1.2k rps" or "3.4 rpm" (render/format.ts) back into requests per second. */
export function parseRate(text: string): number {
  const match = /^(-?[\d.]+)\s*(k rps|rps|rpm)$/.exec(text.trim());
  if (!match) {
    throw new Error(`"${text}" is not a rate`);
  }
  return Number(match[1]) * RATE_UNITS[match[2]];
}

const BYTE_UNITS: Record<string, number> = { 'B/s': 1, 'KiB/s': 1024, 'MiB/s': 1024 ** 2, 'GiB/s': 1024 ** 3 };

/** Reads "12.3 KiB/s" (render/format.ts formatBytes) back into bytes per second. */
export function parseBytes(text: string | undefined): number {
  const match = /^(-?[\d.]+)\s*(B\/s|KiB\/s|MiB\/s|GiB\/s)$/.exec((text ?? '').trim());
  if (!match) {
    throw new Error(`"${text}" is not a byte rate`);
  }
  return Number(match[1]) * BYTE_UNITS[match[2]];
}

/** Reads "1.5%" or "<0.1%" (render/format.ts formatShare) back into a share (0..1). */
export function parseShare(text: string): number {
  const match = /^(<?)([\d.]+)%$/.exec(text.trim());
  if (!match) {
    throw new Error(`"${text}" is not a share`);
  }
  return match[1] ? 0 : Number(match[2]) / 100;
}

/** Reads "12.3 ms", "1.2 s" or "≥2.5 s" (render/format.ts formatMs) back into milliseconds. */
export function parseMs(text: string): number {
  const match = /^≥?([\d.]+) (ms|s)$/.exec(text.trim());
  if (!match) {
    throw new Error(`"${text}" is not a duration`);
  }
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}
