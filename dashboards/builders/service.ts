import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { labelVariable } from '../panels/variables';
import type { Traffic } from '../queries/istio';
import { assemble, type Section } from './assemble';
import { customPanels } from './custom';
import { type Breakdown, breakdown, type Context, headline } from './traffic';

const CALLERS: Breakdown = { by: ['source_workload', 'source_workload_namespace'], legend: '{{source_workload}}.{{source_workload_namespace}}', noun: 'by caller' };
const SERVERS: Breakdown = { by: ['destination_workload', 'destination_workload_namespace'], legend: '{{destination_workload}}.{{destination_workload_namespace}}', noun: 'by serving workload' };

/** One service (destination_service), as its callers saw it and as its workloads served it. */
export function serviceDashboard(ctx: Context): Dashboard {
  const { config, istio } = ctx;
  // `=` not `=~`: ServiceEntry hosts may contain `*` (istio#59307).
  const where = ['destination_service="$service"'];
  const t = (side: Traffic['side']): Traffic => ({ side, where });
  const what = 'to $service';
  const sections: Section[] = [
    { title: 'Overview ($service)', panels: headline(ctx, t('once'), what) },
    { title: 'Callers (client side)', panels: breakdown(ctx, t('client'), CALLERS, what) },
    { title: 'Serving workloads (server side, waypoints included)', panels: breakdown(ctx, t('server'), SERVERS, what) },
  ];
  const custom = customPanels(ctx, t('once'), SERVERS, what);
  if (custom.length > 0) {
    sections.push({ title: 'Custom telemetry', collapsed: true, panels: custom });
  }
  return assemble(config, {
    uid: 'meshscope-service',
    title: 'Istio Service',
    description: 'One service: headline figures counting each request once, then the client side (callers) and the server side (workloads, waypoints included).',
    tags: ['service'],
    variables: [
      labelVariable({ name: 'namespace', label: 'Namespace', metric: 'istio_requests_total', matchers: [istio.clusterMatcher], from: 'destination_service_namespace', multi: false, description: 'Namespace of the service (destination_service_namespace).' }),
      labelVariable({
        name: 'service',
        label: 'Service',
        metric: 'istio_requests_total',
        matchers: [istio.clusterMatcher, 'destination_service_namespace="$namespace"'],
        from: 'destination_service',
        multi: false,
        description: 'Service host (destination_service), including ServiceEntry and egress hosts.',
      }),
    ],
    sections,
  });
}
