// Prometheus HTTP API responses -> the DataFrames Grafana 12's Prometheus data source puts in a
// dashboard panel's data.series. See FRAME-SHAPES.md for each shape and where Grafana decides it.
import { DataFrame } from '@grafana/data';

import { PrometheusApiResponse, PrometheusQuery } from './api';
import { backendFrames } from './backend';
import { fetchPrometheus, QueryRange } from './query';
import { toPanelSeries } from './transform';

export type { PrometheusApiResponse, PrometheusQuery, PromQueryFormat, PromSample, PromSeries } from './api';
export type { QueryRange } from './query';
export { parsePromNumber } from './backend';

/** Grafana's minimum interval when neither the query nor the data source sets one. */
export const DEFAULT_INTERVAL_MS = 15_000;

export interface QueryResult {
  query: PrometheusQuery;
  response: PrometheusApiResponse;
}

const tableRefIds = (queries: PrometheusQuery[]) =>
  new Set(queries.filter((q) => q.format === 'table').map((q) => q.refId)).size;

function toBackend(result: QueryResult): DataFrame[] {
  const { query, response } = result;
  return backendFrames(response, { ...query, stepMs: query.intervalMs ?? DEFAULT_INTERVAL_MS });
}

/** data.series for a panel whose queries ran together (one request, refIds A, B, ...), in request order. */
export function toGrafanaSeries(results: QueryResult[]): DataFrame[] {
  const queries = results.map((r) => r.query);
  return toPanelSeries(results.flatMap(toBackend), queries, tableRefIds(queries));
}

/**
 * The frames one query contributes to data.series. `allQueries` matters for table format only:
 * with more than one table query in the panel, the value column is "Value #<refId>".
 */
export function toGrafanaFrames(
  response: PrometheusApiResponse,
  query: PrometheusQuery,
  allQueries: PrometheusQuery[] = [query]
): DataFrame[] {
  const panelQueries = allQueries.some((q) => q.refId === query.refId) ? allQueries : [...allQueries, query];
  return toPanelSeries(toBackend({ query, response }), panelQueries, tableRefIds(panelQueries));
}

/** Runs one query against a Prometheus (or a same-origin proxy of one) and converts the answer. */
export async function queryPrometheus(
  baseUrl: string,
  query: PrometheusQuery,
  range: QueryRange
): Promise<DataFrame[]> {
  const response = await fetchPrometheus(baseUrl, query, range);
  return toGrafanaFrames(response, { ...query, intervalMs: range.stepMs });
}
