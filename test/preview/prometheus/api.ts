// The JSON bodies of Prometheus' /api/v1/query and /api/v1/query_range
// (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).

/** [unix seconds, sample as a string]; Prometheus spells specials "NaN", "+Inf", "-Inf". */
export type PromSample = [number, string];

export interface PromSeries {
  metric: Record<string, string>;
  /** vector results */
  value?: PromSample;
  /** matrix results */
  values?: PromSample[];
}

export type PromData =
  | { resultType: 'matrix'; result: PromSeries[] }
  | { resultType: 'vector'; result: PromSeries[] }
  | { resultType: 'scalar'; result: PromSample }
  | { resultType: 'string'; result: PromSample };

export interface PrometheusApiResponse {
  status: 'success' | 'error';
  data?: PromData;
  errorType?: string;
  error?: string;
  warnings?: string[];
  infos?: string[];
}

export type PromQueryFormat = 'time_series' | 'table' | 'heatmap';

/** The subset of Grafana's PromQuery that changes the frames a panel receives. */
export interface PrometheusQuery {
  refId: string;
  expr: string;
  format: PromQueryFormat;
  /** true: /api/v1/query (vector); false: /api/v1/query_range (matrix). */
  instant: boolean;
  legendFormat?: string;
  /** The step Grafana computed for the query; defaults to Grafana's 15 s minimum interval. */
  intervalMs?: number;
}
