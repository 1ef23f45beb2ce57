import { DataFrame, Field, FieldType } from '@grafana/data';

/** One Prometheus series at the query's evaluation time, whatever frame shape carried it. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
  refId: string;
  /** The query text Grafana reports it executed, when it does: names the metric. */
  query: string;
}

const QUERY_PREFIX = /^Expr:\s*/;

function queryText(frame: DataFrame): string {
  const text = frame.meta?.executedQueryString;
  return typeof text === 'string' ? text.replace(QUERY_PREFIX, '') : '';
}

function timeAt(field: Field | undefined, row: number): number {
  const t = field?.values[row];
  return typeof t === 'number' ? t : 0;
}

function isInstant(time: Field | undefined, rows: number): boolean {
  if (!time) {
    return true;
  }
  const first = time.values[0];
  for (let row = 1; row < rows; row++) {
    if (time.values[row] !== first) {
      return false;
    }
  }
  return true;
}

function asNumber(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
}

/**
 * Reads every frame shape Grafana's Prometheus data source produces — time series (labels on the value field, one
 * frame per series), table (one string column per label, `Value #A` per query) and wide frames (several labelled
 * value fields) — into samples. Range results keep each series' latest finite value, so the view shows "now".
 */
export function framesToSamples(frames: DataFrame[]): Sample[] {
  const out: Sample[] = [];
  // Where a series may repeat (range results), the index in `out` of its latest row and that row's time.
  const latest = new Map<string, { time: number; index: number }>();
  frames.forEach((frame, frameIndex) => {
    if (!frame || !Array.isArray(frame.fields)) {
      return;
    }
    const time = frame.fields.find((f) => f.type === FieldType.time);
    const labelColumns = frame.fields.filter((f) => f.type === FieldType.string);
    const values = frame.fields.filter((f) => f.type === FieldType.number);
    const refId = frame.refId ?? '';
    const query = queryText(frame);
    const rows = frame.length ?? values[0]?.values.length ?? 0;
    // Instant tables hold one row per series, instant series frames one value: only range results repeat a series.
    const unique = isInstant(time, rows) && (labelColumns.length > 0 || rows <= 1);
    values.forEach((field, fieldIndex) => {
      const fieldRefId = /^Value #(.+)$/.exec(field.name)?.[1] ?? refId;
      for (let row = 0; row < rows; row++) {
        const value = asNumber(field.values[row]);
        if (Number.isNaN(value) && field.values[row] == null) {
          continue;
        }
        const labels: Record<string, string> = Object.assign({}, field.labels);
        for (const column of labelColumns) {
          const v = column.values[row];
          if (v != null) {
            labels[column.name] = String(v);
          }
        }
        const sample = { labels, value, refId: fieldRefId, query };
        if (unique) {
          out.push(sample);
          continue;
        }
        const key =
          labelColumns.length === 0
            ? `${frameIndex}:${fieldIndex}`
            : `${frameIndex}:${fieldIndex}:${labelColumns.map((c) => c.values[row]).join('\u0001')}`;
        const t = timeAt(time, row);
        const seen = latest.get(key);
        if (!seen) {
          latest.set(key, { time: t, index: out.push(sample) - 1 });
        } else if (Number.isFinite(value) && (t >= seen.time || !Number.isFinite(out[seen.index].value))) {
          seen.time = t;
          out[seen.index] = sample;
        }
      }
    });
  });
  return out;
}
