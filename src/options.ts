/**
 * The panel's options: typed once here, imported by the plugin's option editors and by the dashboard builders
 * (dashboards/), so a provisioned dashboard can never set an option the plugin does not understand.
 * Free of React and of @grafana/* imports on purpose: the builders run in Node.
 */
import { DASHBOARD_UID } from './dashboardUids';

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
  /** Okabe–Ito bars and percentiles and a cividis heatmap instead of the Grafana theme's colours. */
  colorBlind: boolean;
}

export type TopologyNodeKind = 'workload' | 'app' | 'versionedApp' | 'service';
export type TopologyEdgeLabel = 'rate' | 'errors' | 'latency' | 'none';
export type TopologyQueryRole = 'requests' | 'tcpBytes' | 'latency' | 'ignore';

export interface TopologyOptions {
  /** What one node stands for, as Kiali's graph types. */
  nodeKind: TopologyNodeKind;
  /** Put a service node between clients and the workloads behind it. */
  serviceNodes: boolean;
  /** Error share (0..1) of 5xx (and gRPC errors) from which an edge or node is degraded, resp. failing. */
  errorDegraded: number;
  errorFailure: number;
  /** Count 4xx as errors in the health colour (always shown in the tooltip). */
  count4xx: boolean;
  /** p95 latency in ms from which an edge is degraded; 0 turns the latency rule off. */
  latencyDegradedMs: number;
  edgeLabel: TopologyEdgeLabel;
  hideIdleEdges: boolean;
  /**
   * Namespaces ("cluster/namespace") the user collapsed to one node each, and those they expanded: both saved with the
   * dashboard. Others are expanded, or collapsed when the mesh is too large to read at fit and opens as an overview.
   */
  collapsedNamespaces: string[];
  expandedNamespaces: string[];
  /** Node positions the user dragged, in layout coordinates, keyed by node id; saved with the dashboard. */
  pinned: Record<string, { x: number; y: number }>;
  colorBlind: boolean;
  animate: boolean;
  /** The worst edges, worst first, in a list beside the graph; a click centres and highlights one. */
  worstEdges: boolean;
  /** Draw namespace boxes around their nodes. */
  groupNamespaces: boolean;
  /** Above this many nodes the graph is aggregated to namespaces, with a message. */
  maxNodes: number;
  /** What each query (by refId) holds, when neither __name__ nor the query text tells. */
  queryRoles: Record<string, TopologyQueryRole>;
  /** URL templates with ${namespace}, ${workload}, ${service}, ${app}, ${version}, ${cluster}; empty hides the link. */
  serviceDashboardUrl: string;
  workloadDashboardUrl: string;
  /** The workload's proxies from the inside (Envoy's extended stats). */
  envoyDashboardUrl: string;
  tracesUrl: string;
}

export interface MeshPanelOptions {
  view: MeshView;
  histogram: HistogramOptions;
  topology: TopologyOptions;
}

export const DEFAULT_OPTIONS: MeshPanelOptions = {
  view: 'topology',
  histogram: {
    scale: 'log',
    shareBounds: [0.1, 0.5, 1, 3],
    percentiles: [0.5, 0.9, 0.99],
    showHeatmap: true,
    colorBlind: false,
  },
  topology: {
    nodeKind: 'workload',
    serviceNodes: false,
    errorDegraded: 0.001,
    errorFailure: 0.1,
    count4xx: false,
    latencyDegradedMs: 0,
    edgeLabel: 'rate',
    hideIdleEdges: false,
    collapsedNamespaces: [],
    expandedNamespaces: [],
    pinned: {},
    colorBlind: false,
    animate: false,
    worstEdges: false,
    groupNamespaces: true,
    maxNodes: 10000,
    queryRoles: {},
    serviceDashboardUrl: `/d/${DASHBOARD_UID.service}?var-namespace=\${namespace}&var-service=\${service}`,
    workloadDashboardUrl: `/d/${DASHBOARD_UID.workload}?var-namespace=\${namespace}&var-workload=\${workload}`,
    envoyDashboardUrl: `/d/${DASHBOARD_UID.envoy}?var-namespace=\${namespace}&var-workload=\${workload}`,
    tracesUrl: '',
  },
};
