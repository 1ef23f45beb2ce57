/**
 * The step and `$__rate_interval` Grafana gives a panel's Prometheus query, from the panel's width, min interval and
 * max data points. Frontend (scenes' SceneQueryRunner): max data points are the panel's own or its width in pixels,
 * and the interval is `rangeUtil.calculateInterval(range, maxDataPoints, minInterval ?? datasource timeInterval)`.
 * Backend (pkg/promlib/models/query.go): the step is that interval (it rounds range / maxDataPoints the same way), and
 * `$__rate_interval` = max(interval + scrape, 4 × scrape), where scrape is the data source's timeInterval.
 */
import { dateTime, rangeUtil, type TimeRange } from '@grafana/data';

/**
 * The screen a dashboard is measured on: a 1920 px window less Grafana's menu and margins leaves 1800 px for the 24
 * grid columns; a panel's plot is its columns' share of that less 16 px of padding.
 */
export const DASHBOARD_WIDTH_PX = 1800;
const PANEL_PADDING_PX = 16;

export interface PanelTiming {
  /** Grid columns (gridPos.w). */
  columns: number;
  /** The panel's "Min interval" query option. */
  minInterval?: string;
  /** The panel's "Max data points" query option. */
  maxDataPoints?: number;
}

export interface QueryGeometry {
  stepMs: number;
  rateIntervalMs: number;
  /** Points of a range query over the aligned range. */
  points: number;
}

export function panelWidthPx(columns: number): number {
  return Math.floor((columns / 24) * DASHBOARD_WIDTH_PX) - PANEL_PADDING_PX;
}

export function queryGeometry(panel: PanelTiming, rangeMs: number, scrapeInterval: string): QueryGeometry {
  const range = { from: dateTime(0), to: dateTime(rangeMs) } as TimeRange;
  const maxDataPoints = panel.maxDataPoints ?? panelWidthPx(panel.columns);
  const { intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints, panel.minInterval ?? scrapeInterval);
  const scrapeMs = rangeUtil.intervalToMs(scrapeInterval);
  return {
    stepMs: intervalMs,
    rateIntervalMs: Math.max(intervalMs + scrapeMs, 4 * scrapeMs),
    // Grafana aligns start and end down to a multiple of the step.
    points: Math.floor(rangeMs / intervalMs) + 1,
  };
}
