// Variable values to evaluate each generated dashboard's queries with, as a user would pick them.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { DEFAULT_CONFIG } from '../../dashboards';

const PRODUCTPAGE = 'productpage.bookinfo.svc.cluster.local';

/**
 * Variable values to try: All (`.*`) for multi-valued ones; for single-valued ones, workloads and services of each
 * kind (sidecar HTTP, ambient behind a waypoint, TCP), since no single one carries every kind of traffic.
 */
export function candidates(d: Dashboard): Array<Record<string, string>> {
  // wasm_pods only narrows what the Wasm dashboard reads (an `and on` decides which pods): All keeps every pod.
  const all = { cluster: '.*', namespace: '.*', gateway: DEFAULT_CONFIG.gatewayWorkloads, wasm_pods: '.*' };
  if (d.uid === 'meshscope-service') {
    return [PRODUCTPAGE, 'cart.shop.svc.cluster.local', 'mongodb.bookinfo.svc.cluster.local'].map((service) => ({
      ...all,
      namespace: service.split('.')[1],
      service,
    }));
  }
  if (d.uid === 'meshscope-envoy') {
    // A workload with proxyStatsMatcher on: envoy.test.ts checks the figures and the workload without it.
    return [{ ...all, namespace: 'bookinfo', workload: 'productpage-v1' }];
  }
  if (d.uid === 'meshscope-workload') {
    return [
      ['bookinfo', 'productpage-v1'],
      ['shop', 'frontend-v1'],
      ['shop', 'cart-v1'],
      ['bookinfo', 'ratings-v1'],
      // A TCP server: through a waypoint or a sidecar, HTTP counts as requests, not TCP bytes (WAYPOINT_LEG_MATCHERS).
      ['bookinfo', 'mongodb-v1'],
    ].map(([namespace, workload]) => ({ ...all, namespace, workload }));
  }
  return [all];
}

export const defaults = (d: Dashboard) => candidates(d)[0];
