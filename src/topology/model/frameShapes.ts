import { createDataFrame, DataFrame, FieldType } from '@grafana/data';

/** One series: its labels and its value now. */
export interface SeriesSample {
  labels: Record<string, string>;
  value: number;
}

/**
 * Builds frames in the shapes Grafana's Prometheus data source returns, for tests and the benchmark: the same
 * samples can be checked in every shape.
 */
export function tableFrame(refId: string, series: SeriesSample[], time = 1_700_000_000_000): DataFrame {
  const names = Array.from(new Set(series.flatMap((s) => Object.keys(s.labels)))).sort();
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: series.map(() => time) },
      ...names.map((name) => ({ name, type: FieldType.string, values: series.map((s) => s.labels[name] ?? '') })),
      { name: `Value #${refId}`, type: FieldType.number, values: series.map((s) => s.value) },
    ],
  });
}

/** Time series format, one frame per series; `points` > 1 gives a range result whose last value is `value`. */
export function seriesFrames(refId: string, series: SeriesSample[], points = 1, time = 1_700_000_000_000): DataFrame[] {
  return series.map((s) =>
    createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: Array.from({ length: points }, (_, i) => time + i * 15_000) },
        {
          name: 'Value',
          type: FieldType.number,
          labels: s.labels,
          values: Array.from({ length: points }, (_, i) => (i === points - 1 ? s.value : s.value * 7 + 1)),
        },
      ],
    })
  );
}

/** One frame with a labelled value field per series, as "wide" frames from joins and transformations are. */
export function wideFrame(refId: string, series: SeriesSample[], time = 1_700_000_000_000): DataFrame {
  return createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [time] },
      ...series.map((s) => ({ name: 'Value', type: FieldType.number, labels: s.labels, values: [s.value] })),
    ],
  });
}
