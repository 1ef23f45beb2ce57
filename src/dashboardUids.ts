/**
 * Uids of the dashboards meshscope generates; dashboards/registry.ts gives each its title and builder. They live on
 * the plugin side because the panel's default node links open the Service and Workload dashboards, and imports go
 * from the dashboard builders to the plugin's options, never back. The order is the generated order.
 */
export const DASHBOARD_UID = {
  mesh: 'meshscope-mesh',
  service: 'meshscope-service',
  workload: 'meshscope-workload',
  controlPlane: 'meshscope-control-plane',
  performance: 'meshscope-performance',
  ztunnel: 'meshscope-ztunnel',
  gateway: 'meshscope-gateway',
  wasm: 'meshscope-wasm',
  envoy: 'meshscope-envoy',
  setup: 'meshscope-setup',
} as const;

export type DashboardUid = (typeof DASHBOARD_UID)[keyof typeof DASHBOARD_UID];
