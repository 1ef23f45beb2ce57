import { DataFrame, Field, FieldType } from '@grafana/data';

/** True when no frame holds a single row: Grafana's "no data" as the views see it. */
export function isEmpty(series: DataFrame[]): boolean {
  return series.every((frame) => frame.length === 0 || frame.fields.length === 0);
}

export function numberFields(frame: DataFrame): Field[] {
  return frame.fields.filter((f) => f.type === FieldType.number);
}

/** A label read from a value field's labels or, in table-format frames, from a string column of that name. */
export function hasLabel(frame: DataFrame, name: string): boolean {
  return frame.fields.some((f) => f.name === name || (f.labels !== undefined && name in f.labels));
}
