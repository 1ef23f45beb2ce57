// Fetches what Grafana's backend would fetch for a panel query. Plain fetch and URLSearchParams,
// so it runs in Node 20 and in the preview page (where baseUrl is the same-origin Prometheus proxy).
import { PrometheusApiResponse, PrometheusQuery } from './api';

export interface QueryRange {
  /** epoch milliseconds */
  from: number;
  to: number;
  stepMs: number;
}

/** Grafana rounds start and end down to a multiple of the step before a range query. */
const alignDown = (ms: number, stepMs: number) => Math.floor(ms / stepMs) * stepMs;

export function prometheusUrl(baseUrl: string, query: PrometheusQuery, range: QueryRange): string {
  const base = baseUrl.replace(/\/+$/, '');
  const seconds = (ms: number) => String(ms / 1000);
  if (query.instant) {
    const params = new URLSearchParams({ query: query.expr, time: seconds(range.to) });
    return `${base}/api/v1/query?${params}`;
  }
  const params = new URLSearchParams({
    query: query.expr,
    start: seconds(alignDown(range.from, range.stepMs)),
    end: seconds(alignDown(range.to, range.stepMs)),
    step: seconds(range.stepMs),
  });
  return `${base}/api/v1/query_range?${params}`;
}

export async function fetchPrometheus(
  baseUrl: string,
  query: PrometheusQuery,
  range: QueryRange
): Promise<PrometheusApiResponse> {
  const response = await fetch(prometheusUrl(baseUrl, query, range), { headers: { Accept: 'application/json' } });
  // Prometheus reports bad queries as 400/422/503 with a JSON error body, which Grafana parses too.
  if (!response.ok && ![400, 422, 503].includes(response.status)) {
    throw new Error(`Prometheus answered ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as PrometheusApiResponse;
}
