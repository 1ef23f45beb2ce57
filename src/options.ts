/**
 * The panel's options: typed once here, imported by the plugin's option editors and by the dashboard builders
 * (dashboards/), so a provisioned dashboard can never set an option the plugin does not understand.
 * Free of React and of @grafana/* imports on purpose: the builders run in Node.
 */

export type MeshView = 'topology' | 'histogram';

export type HistogramScale = 'log' | 'linear';

export interface HistogramOptions {
  /** How bucket widths are drawn; both are true to scale, never ordinal. */
  scale: HistogramScale;
  /** Upper bounds, in the field's unit, for the "share within" figures. */
  shareBounds: number[];
  /** Quantiles (0..1) marked on the distribution and drawn as lines over the heatmap. */
  percentiles: number[];
  /** Show the time × bucket heatmap under the distribution. */
  showHeatmap: boolean;
}

export interface MeshPanelOptions {
  view: MeshView;
  histogram: HistogramOptions;
}

export const DEFAULT_OPTIONS: MeshPanelOptions = {
  view: 'topology',
  histogram: {
    scale: 'log',
    shareBounds: [0.1, 0.5, 1, 3],
    percentiles: [0.5, 0.9, 0.99],
    showHeatmap: true,
  },
};
