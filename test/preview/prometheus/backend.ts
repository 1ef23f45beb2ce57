// Stage 1 of the pipeline: what Grafana's backend (pkg/promlib) sends for one query, decoded the way
// @grafana/runtime's toDataQueryResponse decodes it (dataFrameFromJSON, then refId from the response key).
import {
  DataFrame,
  DataFrameJSON,
  DataFrameType,
  dataFrameFromJSON,
  FieldSchema,
  FieldType,
  Labels,
  QueryResultMeta,
} from '@grafana/data';

import { PrometheusApiResponse, PromSample, PromSeries } from './api';
import { goDuration, legendFor } from './legend';

export interface BackendQuery {
  refId: string;
  expr: string;
  legendFormat?: string;
  stepMs: number;
}

/** Go's field JSON also carries the Go type, and dataFrameFromJSON keeps it on the field. */
interface GoFieldSchema extends FieldSchema {
  typeInfo: { frame: 'time.Time' | 'float64' | 'string' };
}

const goField = (name: string, type: FieldType, frame: GoFieldSchema['typeInfo']['frame'], labels?: Labels) =>
  ({ name, type, typeInfo: { frame }, ...(labels ? { labels } : {}) }) as GoFieldSchema;

// Go's float parser accepts every spelling of infinity; JS's Number() rejects "+Inf".
const INFINITY = /^([+-]?)inf(inity)?$/i;

export function parsePromNumber(text: string): number {
  const inf = INFINITY.exec(text);
  if (inf) {
    return inf[1] === '-' ? -Infinity : Infinity;
  }
  return Number(text);
}

/** Go truncates seconds*1000 to an int64 millisecond timestamp. */
function toMillis(seconds: number): number {
  return Math.trunc(seconds * 1000);
}

const timeSchema = () => goField('Time', FieldType.time, 'time.Time');

function seriesFrame(series: PromSeries, resultType: 'matrix' | 'vector'): DataFrameJSON {
  const samples: PromSample[] = series.values ?? (series.value ? [series.value] : []);
  return {
    schema: {
      meta: { type: DataFrameType.TimeSeriesMulti, typeVersion: [0, 0], custom: { resultType } },
      fields: [timeSchema(), goField('Value', FieldType.number, 'float64', sortedLabels(series.metric))],
    },
    data: { values: [samples.map(([t]) => toMillis(t)), samples.map(([, v]) => parsePromNumber(v))] },
  };
}

function singleSampleFrame([t, v]: PromSample, resultType: 'scalar' | 'string'): DataFrameJSON {
  const isString = resultType === 'string';
  return {
    schema: {
      meta: {
        type: isString ? DataFrameType.TimeSeriesMulti : DataFrameType.NumericMulti,
        typeVersion: [0, 0],
        custom: { resultType },
      },
      fields: [
        timeSchema(),
        isString ? goField('Value', FieldType.string, 'string', {}) : goField('Value', FieldType.number, 'float64', {}),
      ],
    },
    data: { values: [[toMillis(t)], [isString ? v : parsePromNumber(v)]] },
  };
}

/** Go's data.Labels is a map, and maps marshal with sorted keys. */
function sortedLabels(metric: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metric).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function readResult(response: PrometheusApiResponse): DataFrameJSON[] {
  const data = response.data;
  if (!data) {
    return [];
  }
  switch (data.resultType) {
    case 'matrix':
    case 'vector':
      return data.result.map((series) => seriesFrame(series, data.resultType));
    case 'scalar':
    case 'string':
      return [singleSampleFrame(data.result, data.resultType)];
  }
}

function notices(response: PrometheusApiResponse): QueryResultMeta['notices'] {
  return [
    ...(response.warnings ?? []).map((text) => ({ severity: 'warning' as const, text })),
    ...(response.infos ?? []).map((text) => ({ severity: 'info' as const, text })),
  ];
}

function addQueryMetadata(frame: DataFrameJSON, query: BackendQuery, isFirst: boolean): void {
  const schema = frame.schema!;
  const meta: QueryResultMeta = schema.meta ?? { typeVersion: [0, 0] };
  schema.meta = meta;
  const [time, value] = schema.fields;
  if (time && value) {
    time.config = { interval: query.stepMs };
    const legend = legendFor(value.labels ?? {}, query.expr, query.legendFormat);
    if (legend !== '') {
      value.config = { displayNameFromDS: legend };
    }
    if (value.labels?.__name__) {
      value.name = value.labels.__name__;
    }
  }
  if (isFirst) {
    meta.executedQueryString = `Expr: ${query.expr}\nStep: ${goDuration(query.stepMs)}`;
    // Go adds calculatedMinStep only when custom is a map[string]any; the converter's
    // {resultType} is a map[string]string, so only the placeholder frame of an empty result gets it.
    meta.custom ??= { calculatedMinStep: query.stepMs };
  }
}

/** The frames of one query as the Prometheus data source's query() receives them from the backend. */
export function backendFrames(response: PrometheusApiResponse, query: BackendQuery): DataFrame[] {
  if (response.status === 'error') {
    throw new Error(`${response.errorType}: ${response.error}`);
  }
  const frames = readResult(response);
  const attached = notices(response);
  if (attached?.length) {
    if (frames.length === 0) {
      frames.push({ schema: { name: 'Warnings', fields: [] }, data: { values: [] } });
    }
    frames.forEach((frame) => (frame.schema!.meta = { typeVersion: [0, 0], ...frame.schema!.meta, notices: attached }));
  }
  if (frames.length === 0) {
    frames.push({ schema: { fields: [] }, data: { values: [] } });
  }
  frames.forEach((frame, i) => addQueryMetadata(frame, query, i === 0));
  return frames.map((json) => ({ ...dataFrameFromJSON(json), refId: query.refId }));
}
