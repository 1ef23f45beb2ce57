/**
 * The panel kinds the dashboards use, on the foundation SDK's builders. Each takes a description: every panel must
 * say what it shows and how it counts. Thresholds come from the config through `Colors`.
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  PanelBuilder as RawPanelBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type DynamicConfigValue,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as HeatmapBuilder, YAxisConfigBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  BigValueGraphMode,
  LegendDisplayMode,
  LegendPlacement,
  StackingConfigBuilder,
  StackingMode,
  TableCellDisplayMode,
  type TableCellOptions,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { MeshPanelOptions } from '../../src/options';
import { PROMETHEUS } from './datasources';
import { type Target, targets } from './targets';
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';

export type PanelBuilder = cog.Builder<dashboard.Panel>;

export interface Common {
  title: string;
  description: string;
  unit: string;
  targets: Target[];
  width?: number;
  height?: number;
  /** Shown instead of Grafana's "No data" when the queries return no series: what to do to get data. */
  noValue?: string;
}

/** Green above `warning`, yellow between, red below `critical` (for ratios where higher is better), or the reverse. */
export function thresholds(steps: {
  critical: number;
  warning: number;
  higherIsBetter: boolean;
}): ThresholdsConfigBuilder {
  const { critical, warning, higherIsBetter } = steps;
  const s = higherIsBetter
    ? [
        { value: null, color: 'red' },
        { value: critical, color: 'yellow' },
        { value: warning, color: 'green' },
      ]
    : [
        { value: null, color: 'green' },
        { value: warning, color: 'yellow' },
        { value: critical, color: 'red' },
      ];
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(s as dashboard.Threshold[]);
}

export function timeseries(
  p: Common & {
    stacked?: boolean;
    thresholds?: ThresholdsConfigBuilder;
    /** The panel's "Min interval" query option (a Grafana duration such as `1m`): the smallest step it queries at. */
    minInterval?: string;
  }
): TimeseriesBuilder {
  const b = new TimeseriesBuilder()
    .title(p.title)
    .description(p.description)
    .datasource(PROMETHEUS)
    .unit(p.unit)
    .targets(targets(p.targets))
    .span(p.width ?? 12)
    .height(p.height ?? 8)
    .fillOpacity(10)
    .legend(
      new VizLegendOptionsBuilder()
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .showLegend(true)
        .calcs(['mean', 'max', 'lastNotNull'])
    );
  if (p.thresholds) {
    b.thresholds(p.thresholds);
  }
  if (p.noValue) {
    b.noValue(p.noValue);
  }
  if (p.stacked) {
    b.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  }
  if (p.minInterval) {
    b.interval(p.minInterval);
  }
  return b;
}

export function stat(p: Common & { thresholds?: ThresholdsConfigBuilder; decimals?: number }): PanelBuilder {
  // Instant: a stat shows one current value, so one evaluation instead of a range (the costliest part of a load).
  const b = new StatBuilder()
    .title(p.title)
    .description(p.description)
    .datasource(PROMETHEUS)
    .unit(p.unit)
    .targets(targets(p.targets.map((t) => ({ ...t, instant: true }))))
    .span(p.width ?? 6)
    .height(p.height ?? 4)
    .graphMode(BigValueGraphMode.None);
  if (p.thresholds) {
    b.thresholds(p.thresholds);
  }
  if (p.decimals !== undefined) {
    b.decimals(p.decimals);
  }
  if (p.noValue) {
    b.noValue(p.noValue);
  }
  return b;
}

export interface Column {
  /** refId of the query whose value the column shows. */
  refId: string;
  header: string;
  unit: string;
  thresholds?: ThresholdsConfigBuilder;
}

/** A data link as Grafana stores it in field config. */
export interface DataLink {
  title: string;
  url: string;
}

/**
 * An instant-query table: one row per label set, one value column per query (Grafana's merge transform joins
 * them, so every query must group by the same labels), header names and units per column, links on label columns.
 */
export function table(
  p: Common & { columns: Column[]; labels: Record<string, string>; links: Record<string, DataLink[]> }
): PanelBuilder {
  const b = new TableBuilder()
    .title(p.title)
    .description(p.description)
    .datasource(PROMETHEUS)
    .unit(p.unit)
    .targets(targets(p.targets.map((t) => ({ ...t, instant: true, format: 'table' as const }))))
    .span(p.width ?? 24)
    .height(p.height ?? 10)
    .withTransformation({ id: 'merge', options: {} })
    .withTransformation({
      id: 'organize',
      options: {
        excludeByName: { Time: true },
        renameByName: Object.fromEntries(p.columns.map((c) => [`Value #${c.refId}`, c.header])),
      },
    });
  if (p.noValue) {
    b.noValue(p.noValue);
  }
  for (const c of p.columns) {
    const props: DynamicConfigValue[] = [{ id: 'unit', value: c.unit }];
    if (c.thresholds) {
      props.push(
        { id: 'thresholds', value: c.thresholds.build() },
        { id: 'custom.cellOptions', value: { type: TableCellDisplayMode.ColorBackground } as TableCellOptions }
      );
    }
    b.overrideByName(c.header, props);
  }
  // Label columns keep their names so data links can read them as ${__data.fields.<label>}; only the header changes.
  for (const [label, header] of Object.entries(p.labels)) {
    b.overrideByName(label, [
      { id: 'displayName', value: header },
      ...(p.links[label] ? [{ id: 'links', value: p.links[label] }] : []),
    ]);
  }
  return b;
}

export function heatmap(p: Common): PanelBuilder {
  return new HeatmapBuilder()
    .title(p.title)
    .description(p.description)
    .datasource(PROMETHEUS)
    .targets(targets(p.targets.map((t) => ({ ...t, format: 'heatmap' as const, legend: '{{le}}' }))))
    .span(p.width ?? 12)
    .height(p.height ?? 8)
    .calculate(false)
    .yAxis(new YAxisConfigBuilder().unit(p.unit));
}

/** Our own panel plugin; its options are typed by the plugin (src/options.ts), never retyped here. */
export function meshPanel(p: Common & { options: Partial<MeshPanelOptions> }): PanelBuilder {
  return new RawPanelBuilder()
    .type('meshscope-mesh-panel')
    .title(p.title)
    .description(p.description)
    .datasource(PROMETHEUS)
    .targets(targets(p.targets))
    .span(p.width ?? 24)
    .height(p.height ?? 12)
    .options(p.options)
    .unit(p.unit);
}
