import { DASHBOARD_UID } from '../../src/dashboardUids';
import { errorDefinitionText } from '../../src/istio/semantics';
import { DEFAULT_OPTIONS } from '../../src/options';
import { FIVE_XX, TRAFFIC_SERIES, type Traffic } from '../queries/istio';
import { meshPanel, stat, timeseries } from '../panels/kinds';
import { dataLink, traceLink } from '../panels/links';
import { UNITS } from '../panels/units';
import { labelVariable } from '../panels/variables';
import type { DashboardBody } from './assemble';
import { httpTable, tcpTable } from './tables';
import { type Context, headline } from './traffic';

const WORKLOAD_LABELS = { destination_workload: 'Workload', destination_workload_namespace: 'Namespace' };
const SERVICE_LABELS = { destination_service: 'Service', destination_service_namespace: 'Namespace' };

/** The whole mesh: headline figures, our Topology view, per-workload, per-service and TCP tables, versions. */
export function meshDashboard(ctx: Context): DashboardBody {
  const { config, istio, components } = ctx;
  const where = ['destination_workload_namespace=~"$namespace"'];
  const t: Traffic = { side: 'once', where };
  const toWorkload = [
    dataLink('Workload dashboard', DASHBOARD_UID.workload, {
      namespace: 'destination_workload_namespace',
      workload: 'destination_workload',
    }),
  ];
  const toService = [
    dataLink('Service dashboard', DASHBOARD_UID.service, {
      namespace: 'destination_service_namespace',
      service: 'destination_service',
    }),
  ];
  const errorShare = (s: number) => Math.round((1 - s) * 1e6) / 1e6;
  return {
    description:
      'The whole mesh, every request counted once: headline figures, the topology, per-workload, per-service and TCP tables linking to the Service and Workload dashboards.',
    tags: ['mesh'],
    variables: [
      labelVariable({
        name: 'namespace',
        label: 'Namespace',
        metric: TRAFFIC_SERIES,
        matchers: [istio.clusterMatcher],
        from: 'destination_workload_namespace',
        multi: true,
        description: 'Namespaces of the serving workloads.',
      }),
    ],
    sections: [
      {
        title: 'Global traffic',
        panels: [
          ...headline(ctx, t, 'in the mesh'),
          stat({
            title: '4xx',
            description: 'Requests per second answered with a 4xx, each request counted once.',
            unit: UNITS.requestsPerSecond,
            targets: [{ expr: istio.requests({ ...t, where: [...where, 'response_code=~"4.."'] }), legend: '4xx' }],
            width: 12,
          }),
          stat({
            title: '5xx',
            description: 'Requests per second answered with a 5xx, each request counted once.',
            unit: UNITS.requestsPerSecond,
            targets: [{ expr: istio.requests({ ...t, where: [...where, FIVE_XX] }), legend: '5xx' }],
            width: 12,
          }),
        ],
      },
      {
        title: 'Topology',
        panels: [
          meshPanel({
            title: 'Mesh topology',
            description: `Workloads and services as a graph (meshscope Topology view): request rate, errors (${errorDefinitionText()}, as the Success rate panels count them) and latency per edge, TCP bytes, mTLS. The panel keeps one reporter per edge; health turns degraded and failing at the dashboards' success thresholds. Click a node for its Service or Workload dashboard.`,
            unit: UNITS.requestsPerSecond,
            targets: [
              { expr: istio.topology('requests', where), instant: true, format: 'table' },
              { expr: istio.topology('tcpBytes', where), instant: true, format: 'table' },
              { expr: istio.topology('latency', where), instant: true, format: 'table' },
            ],
            options: {
              view: 'topology',
              topology: {
                ...DEFAULT_OPTIONS.topology,
                errorDegraded: errorShare(config.thresholds.successWarning),
                errorFailure: errorShare(config.thresholds.successCritical),
              },
            },
            height: 14,
          }),
        ],
      },
      {
        title: 'Workloads and services',
        panels: [
          httpTable(ctx, t, {
            title: 'HTTP/gRPC workloads',
            description: `Per serving workload: requests per second, p50/p90/p99 duration and success (share not failed: ${errorDefinitionText()}), each request counted once. Click a workload for its dashboard.`,
            by: Object.keys(WORKLOAD_LABELS),
            labels: WORKLOAD_LABELS,
            links: {
              destination_workload: [
                ...toWorkload,
                ...traceLink(config, 'destination_workload', 'destination_workload_namespace'),
              ],
            },
          }),
          httpTable(ctx, t, {
            title: 'HTTP/gRPC services',
            description:
              'Per service host (egress hosts included): requests per second, p50/p90/p99 duration and success, each request counted once. Click a service for its dashboard.',
            by: Object.keys(SERVICE_LABELS),
            labels: SERVICE_LABELS,
            links: { destination_service: toService },
          }),
          tcpTable(ctx, t, {
            title: 'TCP workloads',
            description:
              'Per serving workload: bytes per second received (request direction) and sent (response direction) on TCP connections, ztunnel L4 of hops without a waypoint included, each connection counted once.',
            by: Object.keys(WORKLOAD_LABELS),
            labels: WORKLOAD_LABELS,
            links: { destination_workload: toWorkload },
          }),
        ],
      },
      {
        title: 'Istio component versions',
        collapsed: true,
        panels: [
          timeseries({
            title: 'Istio components by version',
            description:
              'Running proxies, gateways, waypoints, ztunnels and istiods per Istio version (istio_build), to follow an upgrade.',
            unit: UNITS.count,
            targets: [{ expr: components.versions(['proxy', 'pilot', 'ztunnel']), legend: '{{component}} {{tag}}' }],
            width: 24,
          }),
        ],
      },
    ],
  };
}
