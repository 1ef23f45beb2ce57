/**
 * Reads classic-histogram buckets from every frame shape Grafana's Prometheus data source produces for them and
 * groups them into histograms the way histogram_quantile does: one histogram per query and per label set once
 * `le` and the metric name are dropped.
 *
 * - Time series: a frame per series (or one wide frame), Time + number fields carrying an `le` label; cumulative.
 * - Table: one frame, Time, a string column per label (one of them `le`) and `Value` / `Value #A`; cumulative.
 * - Heatmap (Format: Heatmap): one frame per histogram of type heatmap-rows, Time + one number field per bucket
 *   named by its bound, already de-accumulated by Grafana (each bucket minus the next lower one).
 */

import { DataFrame, DataFrameType, Field, FieldConfig, FieldType, Labels } from '@grafana/data';
import { parseBound } from './bounds';
import { locateTime, sortedUnique, unionTimes } from './times';

/** cumulative: Prometheus's `le` counts; perBucket: Grafana's heatmap format, one bucket's own count. */
export type CountLayout = 'cumulative' | 'perBucket';

/** One histogram's samples as found in the frames, before any cleanup. */
export interface BucketSamples {
  key: string;
  refId?: string;
  /** Its labels other than `le` and `__name__`, the ones histogram_quantile keeps. */
  labels: Labels;
  metric?: string;
  /** Ascending and unique: series whose `le` parse to the same number are summed, as Prometheus coalesces them. */
  bounds: Float64Array;
  times: Float64Array;
  /** times.length × bounds.length, row-major (step t, bucket b at t * bounds.length + b). */
  values: Float64Array;
  /** 1 where a sample exists; a bucket may be absent at some steps and histogram_quantile then works without it. */
  present: Uint8Array;
  layout: CountLayout;
  /**
   * Raw `_bucket` counters rather than rate()/increase() results: the series still carries its metric name, which
   * PromQL drops as soon as a function or aggregation is applied.
   */
  counters: boolean;
  /** The first bucket field's config: unit, decimals and display name the panel's field config settled on. */
  config: FieldConfig;
}

export interface ParsedFrames {
  histograms: BucketSamples[];
  /** Why some series were left out, one sentence each. */
  ignored: string[];
}

/** One bucket series of one histogram. */
interface Source {
  refId?: string;
  labels: Labels;
  le: string;
  times: ArrayLike<unknown>;
  values: ArrayLike<unknown>;
  layout: CountLayout;
  config: FieldConfig;
  fieldName: string;
}

export function parseFrames(frames: DataFrame[]): ParsedFrames {
  const ignored: string[] = [];
  const sources = frames.flatMap((frame) => (isTable(frame) ? tableSources(frame) : fieldSources(frame, ignored)));
  const bySeries = new Map<string, Source[]>();
  for (const source of sources) {
    const bound = parseBound(source.le);
    if (Number.isNaN(bound)) {
      ignored.push(`Ignored the series with le="${source.le}": not a number Prometheus accepts as a bucket bound.`);
      continue;
    }
    const key = histogramKey(source);
    const group = bySeries.get(key);
    if (group) {
      group.push(source);
    } else {
      bySeries.set(key, [source]);
    }
  }
  const histograms = [...bySeries].map(([key, group]) => collect(key, group));
  return { histograms, ignored };
}

const TABLE_LE = 'le';

function isTable(frame: DataFrame): boolean {
  return frame.fields.some((f) => f.name === TABLE_LE && f.type !== FieldType.number);
}

function isHeatmapRows(frame: DataFrame, values: Field[]): boolean {
  return (
    frame.meta?.type === DataFrameType.HeatmapRows ||
    (values.length > 0 && values.every((f) => !f.labels?.le && !Number.isNaN(parseBound(f.name))))
  );
}

function fieldSources(frame: DataFrame, ignored: string[]): Source[] {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const values = frame.fields.filter((f) => f.type === FieldType.number);
  const heatmap = isHeatmapRows(frame, values);
  const sources: Source[] = [];
  for (const field of values) {
    const le = field.labels?.le ?? (heatmap ? (field.config.displayNameFromDS ?? field.name) : undefined);
    if (le === undefined) {
      continue;
    }
    sources.push({
      refId: frame.refId,
      labels: field.labels ?? {},
      le,
      times: time?.values ?? [],
      values: field.values,
      layout: heatmap ? 'perBucket' : 'cumulative',
      config: field.config,
      fieldName: field.name,
    });
  }
  if (sources.length > 0 && sources.length < values.length) {
    ignored.push(
      `Ignored ${values.length - sources.length} number field(s) without an le label in a frame of buckets.`
    );
  }
  return sources;
}

/** Splits a table-format frame's rows into one source per label set. */
function tableSources(frame: DataFrame): Source[] {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const numbers = frame.fields.filter((f) => f.type === FieldType.number);
  const value = numbers.find((f) => f.name.startsWith('Value')) ?? numbers[numbers.length - 1];
  if (!value) {
    return [];
  }
  const labelFields = frame.fields.filter((f) => f !== time && f.type !== FieldType.number);
  const bySeries = new Map<string, { labels: Labels; times: unknown[]; values: unknown[] }>();
  for (let row = 0; row < frame.length; row++) {
    const labels: Labels = {};
    for (const f of labelFields) {
      const v = f.values[row];
      if (v !== '' && v != null) {
        labels[f.name] = String(v);
      }
    }
    const key = labelsKey(labels);
    const series = bySeries.get(key) ?? { labels, times: [], values: [] };
    bySeries.set(key, series);
    series.times.push(time ? time.values[row] : 0);
    series.values.push(value.values[row]);
  }
  return [...bySeries.values()]
    .filter((s) => s.labels.le !== undefined)
    .map((s) => ({
      refId: frame.refId,
      labels: s.labels,
      le: s.labels.le,
      times: s.times,
      values: s.values,
      layout: 'cumulative' as const,
      config: value.config,
      fieldName: value.name,
    }));
}

/** Labels that do not tell one histogram from another: the bucket and, as in histogram_quantile, the metric name. */
const NOT_IDENTITY = new Set(['le', '__name__']);

function identityLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => !NOT_IDENTITY.has(name)));
}

function labelsKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function histogramKey(source: Source): string {
  return `${source.refId ?? ''}\u0000${labelsKey(identityLabels(source.labels))}`;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && v !== '') {
    return parseBound(v);
  }
  return undefined;
}

function collect(key: string, sources: Source[]): BucketSamples {
  const first = sources[0];
  const sourceBounds = sources.map((s) => parseBound(s.le));
  const bounds = sortedUnique(sourceBounds);
  let times = sortedUnique(first.times);
  for (const s of sources.slice(1)) {
    times = unionTimes(times, s.times);
  }
  const width = bounds.length;
  const values = new Float64Array(times.length * width);
  const present = new Uint8Array(times.length * width);
  sources.forEach((source, i) => {
    const b = bounds.indexOf(sourceBounds[i]);
    let t = 0;
    for (let row = 0; row < source.values.length; row++) {
      const v = toNumber(source.values[row]);
      t = locateTime(times, Number(source.times[row]), t);
      if (v === undefined || t < 0) {
        t = Math.max(t, 0);
        continue;
      }
      const k = t * width + b;
      values[k] += v;
      present[k] = 1;
      t = Math.min(t + 1, times.length - 1);
    }
  });
  const metric = first.labels.__name__;
  return {
    key,
    refId: first.refId,
    labels: identityLabels(first.labels),
    metric,
    bounds,
    times,
    values,
    present,
    layout: first.layout,
    counters: sources.some((s) => (s.labels.__name__ ?? s.fieldName).endsWith('_bucket')),
    config: first.config,
  };
}
