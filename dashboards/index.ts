/**
 * Library entry: build meshscope's dashboards, or your own from the same query library and panel helpers.
 * See dashboards/README.md for an example.
 */
export { configSchema, DASHBOARD_UIDS, DEFAULT_CONFIG, type DashboardUid, type MeshscopeConfig } from './config/types';
export { configJsonSchema } from './config/jsonSchema';
export { ConfigError, validateConfig } from './config/validate';
export { loadConfig, type ConfigOverrides } from './config/load';
export { buildDashboards, context, DASHBOARDS, selectedDashboards, type DashboardEntry } from './registry';
export { generatedFiles } from './generate';
export { renderDashboard } from './render';
export { writeAtomically, drift } from './write';
export { IstioQueries, type Traffic, FIVE_XX } from './queries/istio';
export { ComponentQueries, type Component } from './queries/components';
export { REPORTERS, EDGE_LABELS, type Side } from '../src/istio/semantics';
export { rate, selector, sumBy, RATE_WINDOW } from './queries/promql';
export { assemble, type DashboardBody, type DashboardSpec, type Section } from './builders/assemble';
export { headline, breakdown, type Breakdown, type Context } from './builders/traffic';
export { httpTable, tcpTable } from './builders/tables';
export { customPanels, customSections } from './builders/custom';
export { resourcePanels } from './builders/resources';
export { meshDashboard } from './builders/mesh';
export { serviceDashboard } from './builders/service';
export { workloadDashboard } from './builders/workload';
export { controlPlaneDashboard } from './builders/control-plane';
export { performanceDashboard } from './builders/performance';
export { ztunnelDashboard } from './builders/ztunnel';
export { gatewayDashboard } from './builders/gateway';
export { wasmDashboard } from './builders/wasm';
export { timeseries, stat, table, heatmap, meshPanel, thresholds, type Column, type DataLink } from './panels/kinds';
export { dataLink, dashboardLinks, traceLink, type DashboardRef } from './panels/links';
export { labelVariable, inNamespace, clusterVariable, datasourceVariable } from './panels/variables';
export { named, type Target } from './panels/targets';
export { UNITS } from './panels/units';
