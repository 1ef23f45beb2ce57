/**
 * What a user can change about the generated dashboards. Everything the query library needs to know about how
 * a cluster is scraped lives here, because real clusters do not all scrape the way Istio's sample Prometheus does.
 */

import { DASHBOARD_UID, type DashboardUid } from '../../src/dashboardUids';

export type { DashboardUid };
/** Every dashboard meshscope generates, in the generated order (the default selection). */
export const DASHBOARD_UIDS: readonly DashboardUid[] = Object.values(DASHBOARD_UID);

export interface LabelNames {
  /** Target label naming the cluster a series was scraped in (multi-cluster Prometheus, Thanos, Mimir). */
  cluster: string;
  /** Target labels a Kubernetes pod scrape adds; cAdvisor series carry the same names. */
  namespace: string;
  pod: string;
  container: string;
}

export interface Selectors {
  /** PromQL matchers (no braces) for each scrape; joined to every selector of that component's metrics. */
  proxies: string;
  istiod: string;
  ztunnel: string;
  cadvisor: string;
}

export interface Containers {
  proxy: string;
  istiod: string;
}

export interface Thresholds {
  /** Success ratio (0..1) under which a value turns yellow, resp. red. */
  successWarning: number;
  successCritical: number;
  /** Latency in milliseconds above which a value turns yellow, resp. red. */
  latencyWarningMs: number;
  latencyCriticalMs: number;
  /** Proxy convergence share bounds in seconds, shown by the Histogram view. */
  convergenceBoundsSeconds: number[];
}

export interface CustomMetric {
  /** Full Prometheus name as the Telemetry API exposes it, e.g. istio_get_calls (counter) or istio_x (histogram base). */
  name: string;
  type: 'counter' | 'histogram';
  description: string;
  unit: string;
}

export interface CustomDimension {
  /** Label added through the Telemetry API's tagOverrides, e.g. upstream_operation. */
  label: string;
  description: string;
}

/** Recording rules (provisioning/prometheus) and whether the dashboards read their series instead of raw Istio metrics. */
export interface RecordingConfig {
  /** Dashboards read the recorded series: the rules must be loaded in the Prometheus the dashboards query. */
  dashboards: boolean;
  /** Rate window of the recorded series, a Prometheus duration; at least 4 × the scrape interval. */
  window: string;
}

/** Alerting rules: service-level objectives and control-plane thresholds. */
export interface AlertsConfig {
  /** Share of requests (0..1) that must not fail (src/istio/semantics.ts: 5xx, no response, gRPC error), per service. */
  availabilityObjective: number;
  /** Share of requests (0..1) that must be faster than latencyThresholdMs, per service. */
  latencyObjective: number;
  /** An upper bound of Istio's request-duration buckets, so the share is read exactly from one bucket. */
  latencyThresholdMs: number;
  /** p99 proxy convergence time (s) above which istiod is slow to push. */
  convergenceSeconds: number;
  /** Base URL of the runbooks; each alert links `<runbookUrl>#<alert name in lower case>`. Empty: no link. */
  runbookUrl: string;
}

/** Where and how the provisioning files install. */
export interface InstallConfig {
  /** Namespace of the ConfigMaps, monitors, rules and GrafanaDashboards. */
  namespace: string;
  /** Label the Grafana dashboard sidecar selects (kube-prometheus-stack: grafana_dashboard: "1"). */
  dashboardLabel: string;
  dashboardLabelValue: string;
  /** Annotation the sidecar reads as the dashboard's folder (the chart's sidecar.dashboards.folderAnnotation). */
  folderAnnotation: string;
  /** `key=value` label of the Grafana instance grafana-operator should put the dashboards in. */
  grafanaInstanceLabel: string;
  /** URL Grafana reaches Prometheus at (provisioned data source). */
  prometheusUrl: string;
  /** Scrape interval of that Prometheus: Grafana's $__rate_interval is 4 × this. */
  scrapeInterval: string;
  /** Where Grafana downloads the plugin archive (Helm `plugins:` list); empty: this version's GitHub release. */
  pluginUrl: string;
}

export interface MeshscopeConfig {
  /** Default of the data-source variables; users can still switch in the dashboard. */
  datasource: { uid: string; tracesUid: string; tracesType: 'tempo' | 'jaeger' };
  /** Grafana folder the provisioning provider puts the dashboards in. */
  folder: string;
  dashboards: DashboardUid[];
  labels: LabelNames;
  selectors: Selectors;
  containers: Containers;
  /** Regex of ztunnel pod names in cAdvisor series (cAdvisor has no app label). */
  ztunnelPods: string;
  /** Regex of gateway workload names (source_workload of what gateways report), ingress and egress alike. */
  gatewayWorkloads: string;
  thresholds: Thresholds;
  customTelemetry: { metrics: CustomMetric[]; dimensions: CustomDimension[] };
  recording: RecordingConfig;
  alerts: AlertsConfig;
  install: InstallConfig;
}

export const DEFAULT_CONFIG: MeshscopeConfig = {
  datasource: { uid: 'prometheus', tracesUid: '', tracesType: 'tempo' },
  folder: 'Istio',
  dashboards: [...DASHBOARD_UIDS],
  labels: { cluster: 'cluster', namespace: 'namespace', pod: 'pod', container: 'container' },
  selectors: {
    proxies: 'job="kubernetes-pods"',
    istiod: 'job="kubernetes-pods", container="discovery"',
    ztunnel: 'job="kubernetes-pods", app="ztunnel"',
    cadvisor: 'job="kubelet"',
  },
  containers: { proxy: 'istio-proxy', istiod: 'discovery' },
  ztunnelPods: 'ztunnel-.*',
  gatewayWorkloads: '.*gateway.*',
  thresholds: {
    successWarning: 0.99,
    successCritical: 0.95,
    latencyWarningMs: 250,
    latencyCriticalMs: 1000,
    convergenceBoundsSeconds: [0.1, 0.5, 1, 3],
  },
  customTelemetry: { metrics: [], dimensions: [] },
  recording: { dashboards: false, window: '1m' },
  alerts: {
    availabilityObjective: 0.999,
    latencyObjective: 0.99,
    latencyThresholdMs: 250,
    convergenceSeconds: 1,
    runbookUrl: '',
  },
  install: {
    namespace: 'monitoring',
    dashboardLabel: 'grafana_dashboard',
    dashboardLabelValue: '1',
    folderAnnotation: 'grafana_folder',
    grafanaInstanceLabel: 'dashboards=grafana',
    prometheusUrl: 'http://prometheus:9090',
    scrapeInterval: '15s',
    pluginUrl: '',
  },
};
