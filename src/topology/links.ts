import { TopologyOptions } from '../options';
import { NodeIdentity } from './model/types';

export interface NodeLink {
  kind: 'service' | 'workload' | 'envoy' | 'traces';
  title: string;
  href: string;
}

const VARIABLE = /\$\{(cluster|namespace|workload|app|version|service)\}/g;

/** Fills ${namespace}, ${workload}, … with URL-encoded values, so label values can never change the URL's shape. */
export function fillTemplate(template: string, identity: NodeIdentity): string {
  return template.replace(VARIABLE, (_, name: keyof NodeIdentity) => encodeURIComponent(identity[name]));
}

/** The links a node (or an edge, through its destination) offers, the ones its identity can fill. */
export function linksFor(identity: NodeIdentity, options: TopologyOptions): NodeLink[] {
  const links: NodeLink[] = [];
  if (options.serviceDashboardUrl && identity.service && identity.namespace) {
    links.push({
      kind: 'service',
      title: `Service dashboard: ${identity.service}`,
      href: fillTemplate(options.serviceDashboardUrl, identity),
    });
  }
  if (options.workloadDashboardUrl && identity.workload && identity.namespace) {
    links.push({
      kind: 'workload',
      title: `Workload dashboard: ${identity.workload}`,
      href: fillTemplate(options.workloadDashboardUrl, identity),
    });
  }
  if (options.envoyDashboardUrl && identity.workload && identity.namespace) {
    links.push({
      kind: 'envoy',
      title: `Proxy internals: ${identity.workload}`,
      href: fillTemplate(options.envoyDashboardUrl, identity),
    });
  }
  if (options.tracesUrl && (identity.workload || identity.service || identity.app)) {
    links.push({ kind: 'traces', title: 'Traces', href: fillTemplate(options.tracesUrl, identity) });
  }
  return links;
}
