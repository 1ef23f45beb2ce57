import { DataFrame, DataFrameJSON, dataFrameFromJSON } from '@grafana/data';
import { PrometheusQuery, toGrafanaSeries } from '../prometheus/frames';
import { fetchPrometheus } from '../prometheus/query';

/** A fixture is a JSON array of frames serialised with dataFrameToJSON (see ../fixtures/build.ts). */
export async function loadFixture(name: string): Promise<DataFrame[]> {
  const response = await fetch(`/fixtures/${encodeURIComponent(name)}.json`);
  if (!response.ok) {
    throw new Error(`fixture "${name}" could not be loaded: ${response.status} ${await response.text()}`);
  }
  return framesFromJSON(await response.json());
}

export function framesFromJSON(frames: DataFrameJSON[]): DataFrame[] {
  return frames.map((frame) => dataFrameFromJSON(frame));
}

/** Runs a panel's queries together against the Prometheus the preview server proxies, as Grafana's data source would. */
export async function runQueries(
  queries: PrometheusQuery[],
  rangeMs: number,
  stepMs: number | undefined
): Promise<DataFrame[]> {
  const to = Date.now();
  const range = { from: to - rangeMs, to, stepMs: stepMs ?? Math.max(15_000, Math.round(rangeMs / 240)) };
  const results = await Promise.all(
    queries.map(async (query) => ({
      query: { ...query, intervalMs: range.stepMs },
      response: await fetchPrometheus('/api/prom', query, range),
    }))
  );
  return toGrafanaSeries(results);
}
