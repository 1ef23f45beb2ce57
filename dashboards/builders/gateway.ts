import { DASHBOARD_UID } from '../../src/dashboardUids';
import { labelVariable } from '../panels/variables';
import type { Traffic } from '../queries/istio';
import type { DashboardBody } from './assemble';
import { httpTable } from './tables';
import { dataLink } from '../panels/links';
import { type Breakdown, breakdown, type Context, headline } from './traffic';

const HOSTS: Breakdown = { by: ['destination_service'], legend: '{{destination_service}}', noun: 'by host' };

/**
 * Ingress and egress gateways (Istio ships no gateway dashboard, istio#28289): what a gateway forwarded, by
 * upstream host. Gateways report only as clients (reporter="source"), so this is the gateway's own view, and
 * client-only gateways are selectable (the incumbent's variables used reporter="destination", istio#18728).
 */
export function gatewayDashboard(ctx: Context): DashboardBody {
  const { config, istio } = ctx;
  const t: Traffic = { side: 'client', where: ['source_workload=~"$gateway"'] };
  return {
    description:
      'Ingress and egress gateways: requests, success, latency and bytes by upstream host, as the gateway saw them.',
    tags: ['gateway', 'ingress', 'egress'],
    variables: [
      labelVariable({
        name: 'gateway',
        label: 'Gateway',
        metric: 'istio_requests_total',
        matchers: [istio.clusterMatcher, 'reporter="source"', `source_workload=~"${config.gatewayWorkloads}"`],
        from: 'source_workload',
        multi: true,
        allValue: config.gatewayWorkloads,
        description: `Gateway workloads (source_workload matching the configured gatewayWorkloads regex "${config.gatewayWorkloads}").`,
      }),
    ],
    sections: [
      { title: 'Overview', panels: headline(ctx, t, 'forwarded by $gateway') },
      {
        title: 'Hosts',
        panels: [
          httpTable(ctx, t, {
            title: 'Hosts behind the gateways',
            description:
              'Per upstream host (destination_service; external hosts for egress): requests per second, p50/p90/p99 duration and success, as the gateway saw them. Click a host for its Service dashboard.',
            by: ['destination_service', 'destination_service_namespace'],
            labels: { destination_service: 'Host', destination_service_namespace: 'Namespace' },
            links: {
              destination_service: [
                dataLink('Service dashboard', DASHBOARD_UID.service, {
                  namespace: 'destination_service_namespace',
                  service: 'destination_service',
                }),
              ],
            },
          }),
        ],
      },
      { title: 'By host', panels: breakdown(ctx, t, HOSTS, 'forwarded by $gateway') },
      {
        title: 'Traffic leaving the mesh',
        collapsed: true,
        panels: breakdown(
          ctx,
          { side: 'client', where: ['destination_service_name=~"PassthroughCluster|BlackHoleCluster"'] },
          {
            by: ['source_workload', 'destination_service_name'],
            legend: '{{source_workload}} → {{destination_service_name}}',
            noun: 'by caller and exit',
          },
          'to destinations outside the registry'
        ),
      },
    ],
  };
}
