/**
 * The dashboards table: each dashboard meshscope generates, its uid, title and builder, in one row. The config's
 * selection, the header links and the files written all read it. A new dashboard is a uid in src/dashboardUids.ts
 * (the panel and the config's validation read the uids there) and a row here.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UID } from '../src/dashboardUids';
import type { DashboardUid, MeshscopeConfig } from './config/types';
import { ComponentQueries } from './queries/components';
import { IstioQueries } from './queries/istio';
import { assemble, type DashboardBody } from './builders/assemble';
import { controlPlaneDashboard } from './builders/control-plane';
import { envoyDashboard } from './builders/envoy';
import { gatewayDashboard } from './builders/gateway';
import { meshDashboard } from './builders/mesh';
import { performanceDashboard } from './builders/performance';
import { serviceDashboard } from './builders/service';
import { setupDashboard } from './builders/setup';
import type { Context } from './builders/traffic';
import { wasmDashboard } from './builders/wasm';
import { workloadDashboard } from './builders/workload';
import { ztunnelDashboard } from './builders/ztunnel';

export interface DashboardEntry {
  uid: DashboardUid;
  title: string;
  build: (ctx: Context) => DashboardBody;
}

export const DASHBOARDS: readonly DashboardEntry[] = [
  { uid: DASHBOARD_UID.mesh, title: 'Istio Mesh', build: meshDashboard },
  { uid: DASHBOARD_UID.service, title: 'Istio Service', build: serviceDashboard },
  { uid: DASHBOARD_UID.workload, title: 'Istio Workload', build: workloadDashboard },
  { uid: DASHBOARD_UID.controlPlane, title: 'Istio Control Plane', build: controlPlaneDashboard },
  { uid: DASHBOARD_UID.performance, title: 'Istio Performance', build: performanceDashboard },
  { uid: DASHBOARD_UID.ztunnel, title: 'Istio Ztunnel', build: ztunnelDashboard },
  { uid: DASHBOARD_UID.gateway, title: 'Istio Gateways', build: gatewayDashboard },
  { uid: DASHBOARD_UID.wasm, title: 'Istio Wasm Extensions', build: wasmDashboard },
  { uid: DASHBOARD_UID.envoy, title: 'Istio Proxy internals', build: envoyDashboard },
  { uid: DASHBOARD_UID.setup, title: 'Istio Setup check', build: setupDashboard },
];

export function context(config: MeshscopeConfig): Context {
  return { config, istio: new IstioQueries(config), components: new ComponentQueries(config) };
}

/** The rows of the dashboards the config selects, in the config's order. */
export function selectedDashboards(config: MeshscopeConfig): DashboardEntry[] {
  return config.dashboards.map((uid) => {
    const entry = DASHBOARDS.find((d) => d.uid === uid);
    if (entry === undefined) {
      throw new Error(`no dashboard ${uid} in the dashboards table (dashboards/registry.ts)`);
    }
    return entry;
  });
}

/** The dashboards the config selects, in the config's order, each linking to the others. */
export function buildDashboards(config: MeshscopeConfig): Dashboard[] {
  const ctx = context(config);
  const selected = selectedDashboards(config);
  return selected.map((d) => assemble(config, { uid: d.uid, title: d.title, ...d.build(ctx) }, selected));
}

/**
 * The mesh components' series the selected dashboards read in recorded mode, by recorded name, with the expressions
 * their rules record (still holding `$cluster` and `$__rate_interval`).
 */
export function componentRecordings(config: MeshscopeConfig): Map<string, string> {
  const ctx = context({ ...config, recording: { ...config.recording, dashboards: true } });
  selectedDashboards(config).forEach((d) => d.build(ctx));
  return ctx.components.recordings;
}
