/**
 * Frames shaped exactly as Grafana's Prometheus data source returns classic histograms, for tests and the
 * preview page: one series per bucket, the table format, and the heatmap format (de-accumulated by Grafana).
 */

import { DataFrame, DataFrameType, FieldType, Labels } from '@grafana/data';

export interface HistogramFixture {
  /** Labels other than le, e.g. { revision: '1-24' }. */
  labels?: Labels;
  /** le label texts, lowest first, e.g. ['0.1', '0.5', '+Inf']. */
  les: string[];
  /** Epoch milliseconds. */
  times: number[];
  /** Cumulative counts, one row per time, one column per le; null for a missing sample. */
  cumulative: Array<Array<number | null>>;
  refId?: string;
  unit?: string;
}

export function timeSeriesFrames(h: HistogramFixture): DataFrame[] {
  return h.les.map((le, b) => ({
    refId: h.refId ?? 'A',
    length: h.times.length,
    meta: { type: DataFrameType.TimeSeriesMulti },
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: [...h.times] },
      {
        name: 'Value',
        type: FieldType.number,
        config: { unit: h.unit },
        labels: { ...h.labels, le },
        values: h.cumulative.map((row) => row[b]),
      },
    ],
  }));
}

export function tableFrame(histograms: HistogramFixture[]): DataFrame {
  const names = [...new Set(histograms.flatMap((h) => Object.keys(h.labels ?? {})))].concat('le').sort();
  const rows = histograms.flatMap((h) =>
    h.les.flatMap((le, b) =>
      h.times.map((time, t) => ({ time, labels: { ...h.labels, le } as Labels, value: h.cumulative[t][b] }))
    )
  );
  return {
    refId: histograms[0].refId ?? 'A',
    length: rows.length,
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: rows.map((r) => r.time) },
      ...names.map((name) => ({
        name,
        type: FieldType.string,
        config: {},
        values: rows.map((r) => r.labels[name] ?? ''),
      })),
      {
        name: 'Value #A',
        type: FieldType.number,
        config: { unit: histograms[0].unit },
        values: rows.map((r) => r.value),
      },
    ],
  };
}

/** As transformToHistogramOverTime leaves it: each bucket minus the next lower one, tiny or negative values set to 0. */
export function heatmapFrame(h: HistogramFixture): DataFrame {
  const perBucket = h.les.map((_, b) =>
    h.cumulative.map((row) => {
      const diff = (row[b] ?? 0) - (b > 0 ? (row[b - 1] ?? 0) : 0);
      return diff < 1e-9 ? 0 : diff;
    })
  );
  return {
    refId: h.refId ?? 'A',
    name: h.les[0],
    length: h.times.length,
    meta: { type: DataFrameType.HeatmapRows },
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: [...h.times] },
      ...h.les.map((le, b) => ({
        name: le,
        type: FieldType.number,
        config: { displayNameFromDS: le, unit: h.unit },
        labels: { ...h.labels, le },
        values: perBucket[b],
      })),
    ],
  };
}
