// Stage 2 of the pipeline: what the Prometheus data source's transformV2 (grafana-prometheus
// result_transformer.ts) does to the backend frames before a dashboard panel sees them.
import {
  DataFrame,
  DataFrameType,
  Field,
  FieldType,
  getFieldDisplayName,
  sortDataFrame,
  TIME_SERIES_VALUE_FIELD_NAME,
} from '@grafana/data';

import { PrometheusQuery } from './api';
import { AUTO_LEGEND } from './legend';

// transformV2 parses samples again even though the backend already sent numbers;
// String(Infinity) is "Infinity", which this pattern also accepts.
const INFINITY_SAMPLE = /^[+-]?inf(?:inity)?$/i;

function reparseSample(value: unknown): number {
  const text = String(value);
  if (INFINITY_SAMPLE.test(text)) {
    return text[0] === '-' ? -Infinity : Infinity;
  }
  return parseFloat(text);
}

// A plain object on purpose: lodash's groupBy does the same, so integer-like keys come out first.
function groupBy<T>(items: T[], key: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) {
    (groups[key(item)] ??= []).push(item);
  }
  return groups;
}

/** legendFormat "__auto": a field the backend named after __name__ gets the name Grafana would display. */
function applyAutoLegend(frames: DataFrame[], queries: PrometheusQuery[]): void {
  for (const frame of frames) {
    if (queries.find((q) => q.refId === frame.refId)?.legendFormat !== AUTO_LEGEND) {
      continue;
    }
    for (const field of frame.fields) {
      if (field.labels?.__name__ && field.labels.__name__ === field.name) {
        const asValue = { ...field, name: TIME_SERIES_VALUE_FIELD_NAME };
        field.config.displayNameFromDS = getFieldDisplayName(asValue, frame, frames);
      }
    }
  }
}

/** Every table-format frame of one refId becomes one row-per-sample table. */
export function mergeTables(frames: DataFrame[], tableRefIdCount: number): DataFrame[] {
  if (frames.length === 0 || (frames.length === 1 && frames[0].length === 0)) {
    return frames;
  }
  return Object.entries(groupBy(frames, (f) => String(f.refId))).map(([refId, group]) => {
    const labelNames: string[] = [];
    for (const frame of group) {
      for (const name of Object.keys(frame.fields[1]?.labels ?? {}).sort()) {
        if (!labelNames.includes(name)) {
          labelNames.push(name);
        }
      }
    }
    const time: Field = { name: 'Time', type: FieldType.time, config: {}, values: [] };
    const labelFields: Field[] = labelNames.map((name) => ({
      name,
      config: { filterable: true },
      type: FieldType.string,
      values: [],
    }));
    const value: Field = {
      name: tableRefIdCount > 1 ? `Value #${refId}` : 'Value',
      type: FieldType.number,
      config: { displayNameFromDS: undefined },
      labels: undefined,
      values: [],
    };
    let outOfOrder = false;
    for (const frame of group) {
      const [frameTime, frameValue] = frame.fields;
      time.config.interval ??= frameTime?.config.interval;
      for (const t of frameTime?.values ?? []) {
        outOfOrder ||= time.values.length > 0 && t < time.values[time.values.length - 1];
        time.values.push(t);
      }
      const labels = frameValue?.labels ?? {};
      for (const v of frameValue?.values ?? []) {
        value.values.push(reparseSample(v));
        labelFields.forEach((field) => field.values.push(labels[field.name] ?? ''));
      }
    }
    const table: DataFrame = {
      refId,
      fields: [time, ...labelFields, value],
      meta: { ...group[0].meta, preferredVisualisationType: 'rawPrometheus' },
      length: time.values.length,
    };
    return outOfOrder ? sortDataFrame(table, 0) : table;
  });
}

const numberField = (frame: DataFrame) => frame.fields.find((f) => f.type === FieldType.number);

function byBucketBound(a: DataFrame, b: DataFrame): number {
  const boundOf = (f: DataFrame) => reparseSample(f.fields[1].state?.displayName ?? f.name ?? f.fields[1].name);
  const [x, y] = [boundOf(a), boundOf(b)];
  return x > y ? 1 : x < y ? -1 : 0;
}

/** Cumulative `le` buckets of one series group become per-bucket counts in one heatmap-rows frame. */
function bucketsToHeatmapRows(sorted: DataFrame[]): DataFrame[] {
  if (sorted.length === 0 || (sorted.length === 1 && sorted[0].length === 0)) {
    return [];
  }
  const cumulative = sorted.map((frame) => numberField(frame)!.values.slice());
  const counts = sorted.map((frame, i) => {
    const field = numberField(frame)!;
    const below = cumulative[i - 1];
    const values = below
      ? cumulative[i].map((v: number, j: number) => {
          const count = v - (below[j] || 0);
          return count < 1e-9 ? 0 : count;
        })
      : cumulative[i];
    return { ...field, name: field.config.displayNameFromDS!, values };
  });
  const first = sorted[0];
  return [
    {
      ...first,
      meta: { ...first.meta, type: DataFrameType.HeatmapRows },
      fields: [first.fields.find((f) => f.type === FieldType.time)!, ...counts],
    },
  ];
}

function heatmaps(frames: DataFrame[]): DataFrame[] {
  const named = frames.map((frame) => {
    const field = numberField(frame);
    const le = field?.labels?.le;
    if (frame.name != null || !field || !le) {
      return frame;
    }
    // The bucket bound names the frame (for sorting) and, after merging, the count field.
    const withBound = { ...field, config: { ...field.config, displayNameFromDS: le } };
    return { ...frame, name: le, fields: frame.fields.map((f) => (f === field ? withBound : f)) };
  });
  return Object.values(groupBy(named, (f) => String(f.refId))).flatMap((ofQuery) =>
    Object.values(groupBy(ofQuery, (f) => otherLabelValues(numberField(f)?.labels))).flatMap((group) =>
      bucketsToHeatmapRows([...group].sort(byBucketBound))
    )
  );
}

function otherLabelValues(labels: Record<string, string> = {}): string {
  return Object.entries(labels)
    .filter(([key]) => key !== 'le')
    .map(([, value]) => value)
    .join();
}

/** Frames in the order transformV2 returns them: graphs, then tables, then heatmaps. */
export function toPanelSeries(frames: DataFrame[], queries: PrometheusQuery[], tableRefIdCount: number): DataFrame[] {
  applyAutoLegend(frames, queries);
  const formatOf = (frame: DataFrame) => queries.find((q) => q.refId === frame.refId)?.format;
  const isHeatmap = (f: DataFrame) => formatOf(f) === 'heatmap' && f.meta?.type !== DataFrameType.HeatmapCells;
  const tables = frames.filter((f) => formatOf(f) === 'table');
  const rest = frames.filter((f) => formatOf(f) !== 'table');
  const graphs = rest
    .filter((f) => !isHeatmap(f))
    .map((f) => ({ ...f, meta: { ...f.meta, preferredVisualisationType: 'graph' as const } }));
  return [...graphs, ...mergeTables(tables, tableRefIdCount), ...heatmaps(rest.filter(isHeatmap))];
}
