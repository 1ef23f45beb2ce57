/** p50/p95/p99 in ms of an edge from its cumulative le buckets (bucket upper bound → rate). */
export function edgeLatency(_buckets: Map<number, number>): { p50?: number; p95?: number; p99?: number } {
  return {};
}
