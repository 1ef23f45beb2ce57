import { inNamespace } from '../panels/variables';
import { TRAFFIC_SERIES, type Traffic } from '../queries/istio';
import type { DashboardBody } from './assemble';
import { customSections } from './custom';
import { type Breakdown, breakdown, type Context, headline } from './traffic';

const CALLERS: Breakdown = {
  by: ['source_workload', 'source_workload_namespace'],
  legend: '{{source_workload}}.{{source_workload_namespace}}',
  noun: 'by caller',
};
const DESTINATIONS: Breakdown = {
  by: ['destination_service'],
  legend: '{{destination_service}}',
  noun: 'by destination service',
};

/** One workload: what it served (server side, waypoints included) and what it called. */
export function workloadDashboard(ctx: Context): DashboardBody {
  const { config, istio } = ctx;
  const inbound: Traffic = {
    side: 'server',
    where: ['destination_workload="$workload"', 'destination_workload_namespace="$namespace"'],
  };
  // Outbound counts each request once, so calls from ambient workloads (no client proxy) still show.
  const outbound: Traffic = {
    side: 'once',
    where: ['source_workload="$workload"', 'source_workload_namespace="$namespace"'],
  };
  return {
    description:
      'One workload: inbound traffic as its sidecar or waypoint served it, outbound traffic counting each request once.',
    tags: ['workload'],
    variables: inNamespace(
      istio.clusterMatcher,
      { metric: TRAFFIC_SERIES, from: 'destination_workload_namespace', description: 'Namespace of the workload.' },
      {
        name: 'workload',
        label: 'Workload',
        metric: TRAFFIC_SERIES,
        from: 'destination_workload',
        description:
          'Workloads that receive HTTP, gRPC or TCP traffic. Client-only workloads (gateways) are on the Gateways dashboard; links from other dashboards may still open them here.',
      }
    ),
    sections: [
      { title: 'Inbound overview', panels: headline(ctx, inbound, 'served by $workload') },
      { title: 'Outbound overview', panels: headline(ctx, outbound, 'sent by $workload') },
      { title: 'Inbound by caller (server side)', panels: breakdown(ctx, inbound, CALLERS, 'served by $workload') },
      {
        title: 'Outbound by destination',
        collapsed: true,
        panels: breakdown(ctx, outbound, DESTINATIONS, 'sent by $workload'),
      },
      ...customSections(ctx, inbound, CALLERS, 'served by $workload'),
    ],
  };
}
