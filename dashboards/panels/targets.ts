import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PROMETHEUS } from './datasources';

export interface Target {
  expr: string;
  legend?: string;
  /** Tables and single values read one evaluation, not a range: far fewer samples for Prometheus to touch. */
  instant?: boolean;
  format?: 'table' | 'heatmap' | 'time_series';
}

/** A panel of a few named lines, `{ legend: expr }`, drawn in the order written. */
export function named(lines: Record<string, string>): Target[] {
  return Object.entries(lines).map(([legend, expr]) => ({ expr, legend }));
}

const FORMATS = {
  table: PromQueryFormat.Table,
  heatmap: PromQueryFormat.Heatmap,
  time_series: PromQueryFormat.TimeSeries,
};

/** refIds are A, B, C… in order, so the JSON is deterministic and the panel's conventional roles line up. */
export function targets(ts: Target[]): Array<cog.Builder<cog.Dataquery>> {
  return ts.map((t, i) => {
    const q = new DataqueryBuilder()
      .datasource(PROMETHEUS)
      .refId(String.fromCharCode(65 + i))
      .expr(t.expr)
      .legendFormat(t.legend ?? '__auto');
    if (t.instant) {
      q.instant();
    } else {
      q.range();
    }
    if (t.format) {
      q.format(FORMATS[t.format]);
    }
    return q;
  });
}
