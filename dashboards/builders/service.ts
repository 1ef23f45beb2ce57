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
const SERVERS: Breakdown = {
  by: ['destination_workload', 'destination_workload_namespace'],
  legend: '{{destination_workload}}.{{destination_workload_namespace}}',
  noun: 'by serving workload',
};

/** One service (destination_service), as its callers saw it and as its workloads served it. */
export function serviceDashboard(ctx: Context): DashboardBody {
  const { config, istio } = ctx;
  // `=` not `=~`: ServiceEntry hosts may contain `*` (istio#59307).
  const where = ['destination_service="$service"'];
  const t = (side: Traffic['side']): Traffic => ({ side, where });
  const what = 'to $service';
  return {
    description:
      'One service: headline figures counting each request once, then the client side (callers) and the server side (workloads, waypoints included).',
    tags: ['service'],
    variables: inNamespace(
      istio.clusterMatcher,
      {
        metric: TRAFFIC_SERIES,
        from: 'destination_service_namespace',
        description: 'Namespace of the service (destination_service_namespace).',
      },
      {
        name: 'service',
        label: 'Service',
        metric: TRAFFIC_SERIES,
        from: 'destination_service',
        description: 'Service host (destination_service), including ServiceEntry and egress hosts.',
      }
    ),
    sections: [
      { title: 'Overview ($service)', panels: headline(ctx, t('once'), what) },
      { title: 'Callers (client side)', panels: breakdown(ctx, t('client'), CALLERS, what) },
      {
        title: 'Serving workloads (server side, waypoints included)',
        panels: breakdown(ctx, t('server'), SERVERS, what),
      },
      ...customSections(ctx, t('once'), SERVERS, what),
    ],
  };
}
