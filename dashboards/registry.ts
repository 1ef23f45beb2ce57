import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { DashboardUid, MeshscopeConfig } from './config/types';
import { IstioQueries } from './queries/istio';
import { controlPlaneDashboard } from './builders/control-plane';
import { gatewayDashboard } from './builders/gateway';
import { meshDashboard } from './builders/mesh';
import { performanceDashboard } from './builders/performance';
import { serviceDashboard } from './builders/service';
import type { Context } from './builders/traffic';
import { wasmDashboard } from './builders/wasm';
import { workloadDashboard } from './builders/workload';
import { ztunnelDashboard } from './builders/ztunnel';

const BUILDERS: Record<DashboardUid, (ctx: Context) => Dashboard> = {
  'meshscope-mesh': meshDashboard,
  'meshscope-service': serviceDashboard,
  'meshscope-workload': workloadDashboard,
  'meshscope-control-plane': controlPlaneDashboard,
  'meshscope-performance': performanceDashboard,
  'meshscope-ztunnel': ztunnelDashboard,
  'meshscope-gateway': gatewayDashboard,
  'meshscope-wasm': wasmDashboard,
};

export function context(config: MeshscopeConfig): Context {
  return { config, istio: new IstioQueries(config) };
}

/** The dashboards the config selects, in the config's order. */
export function buildDashboards(config: MeshscopeConfig): Dashboard[] {
  const ctx = context(config);
  return config.dashboards.map((uid) => BUILDERS[uid](ctx));
}
