/**
 * The Prometheus HTTP query API as Grafana's Prometheus data source calls it, for any server speaking it
 * (Prometheus, VictoriaMetrics): instant and range queries, label values.
 */

export interface InstantSample {
  metric: Record<string, string>;
  /** NaN and ±Inf are parsed as numbers. */
  value: number;
  timestamp: number;
}

export interface RangeSeries {
  metric: Record<string, string>;
  values: Array<[number, number]>;
}

export interface QueryApi {
  url: string;
  query(expr: string, time?: number): Promise<InstantSample[]>;
  /** A scalar-valued query's single value (throws if the result is not exactly one sample). */
  queryValue(expr: string, time?: number): Promise<number>;
  queryRange(expr: string, start: number, end: number, stepSeconds: number): Promise<RangeSeries[]>;
  /** Values of `label` on series matching `match` between start and end, as a label_values() variable lists them. */
  labelValues(label: string, match: string, start: number, end: number): Promise<string[]>;
}

function parseValue(v: string): number {
  return v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : Number(v);
}

export function queryApi(url: string, name = 'Prometheus'): QueryApi {
  async function api<T>(path: string, params: Record<string, string>): Promise<T> {
    const res = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
    const text = await res.text();
    let body: { status: string; data: T; error?: string };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${name} ${path} ${JSON.stringify(params)}: HTTP ${res.status}: ${text.slice(0, 500)}`);
    }
    if (body.status !== 'success') {
      throw new Error(`${name} ${path} ${JSON.stringify(params)}: ${body.error ?? res.status}`);
    }
    return body.data;
  }

  const query = async (expr: string, time?: number): Promise<InstantSample[]> => {
    const data = await api<{ resultType: string; result: unknown }>(
      '/api/v1/query',
      time === undefined ? { query: expr } : { query: expr, time: String(time) }
    );
    if (data.resultType === 'scalar') {
      const [t, v] = data.result as [number, string];
      return [{ metric: {}, value: parseValue(v), timestamp: t }];
    }
    return (data.result as Array<{ metric: Record<string, string>; value: [number, string] }>).map((r) => ({
      metric: r.metric,
      value: parseValue(r.value[1]),
      timestamp: r.value[0],
    }));
  };

  return {
    url,
    query,
    async queryValue(expr, time) {
      const r = await query(expr, time);
      if (r.length !== 1) {
        throw new Error(`expected one sample for ${expr}, got ${r.length}`);
      }
      return r[0].value;
    },
    async queryRange(expr, start, end, step) {
      const data = await api<{ result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> }>(
        '/api/v1/query_range',
        { query: expr, start: String(start), end: String(end), step: String(step) }
      );
      return data.result.map((r) => ({
        metric: r.metric,
        values: r.values.map(([t, v]) => [t, parseValue(v)] as [number, number]),
      }));
    },
    labelValues: (label, match, start, end) =>
      api<string[]>(`/api/v1/label/${label}/values`, { 'match[]': match, start: String(start), end: String(end) }),
  };
}

/**
 * A counter or gauge of a server's own /metrics page (Prometheus's, VictoriaMetrics'), summed over its labels, or
 * over the series `match` accepts by their label text (e.g. `type="promremotewrite"`).
 */
export async function selfMetricOf(url: string, name: string, match = ''): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const lines = text
    .split('\n')
    .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
    .filter((l) => l.includes(match));
  if (lines.length === 0) {
    throw new Error(`${url}/metrics has no ${name}${match ? ` with ${match}` : ''}`);
  }
  return lines.reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}
