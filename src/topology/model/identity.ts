import { WAYPOINT_NAME } from '../../istio/semantics';
import { TopologyNodeKind } from '../../options';
import { NodeIdentity, NodeKind, SpecialKind } from './types';

/** A node as one end of a series names it, before figures are attached. */
export interface NodeRef extends NodeIdentity {
  id: string;
  kind: NodeKind;
  special?: SpecialKind;
  label: string;
}

type Side = 'source' | 'destination';

const present = (v: string | undefined): string => (v === undefined || v === 'unknown' ? '' : v);

const PASSTHROUGH = new Set([
  'PassthroughCluster',
  'InboundPassthroughCluster',
  'InboundPassthroughClusterIpv4',
  'InboundPassthroughClusterIpv6',
]);
const IN_MESH_HOST = /\.svc(\.[^.]+)*$|\.cluster\.local$/;

/** Gateways and waypoints are recognised by Istio's conventional names (WAYPOINT_NAME), since the metric labels carry no role. */
function gatewayKind(workload: string, app: string): SpecialKind | undefined {
  const name = `${workload} ${app}`;
  if (WAYPOINT_NAME.test(name)) {
    return 'waypoint';
  }
  if (/ingress/.test(name) && /gateway/.test(name)) {
    return 'ingress';
  }
  if (/egress/.test(name) && /gateway/.test(name)) {
    return 'egress';
  }
  return undefined;
}

export function namespaceKey(cluster: string, namespace: string): string {
  return `${cluster}/${namespace}`;
}

/**
 * The group (cluster/namespace) a node is laid out, boxed and collapsed in; '' for nodes outside any namespace
 * (unknown callers, external hosts) and for a namespace node, which is a group itself.
 */
export function groupOf(node: NodeIdentity & { kind: NodeKind }): string {
  return node.namespace === '' || node.kind === 'namespace' ? '' : namespaceKey(node.cluster, node.namespace);
}

/** Label names per side, spelled out once: computed names would be rebuilt for every series. */
const KEYS = {
  source: [
    'source_cluster',
    'source_workload_namespace',
    'source_workload',
    'source_app',
    'source_canonical_service',
    'source_version',
    'source_canonical_revision',
  ],
  destination: [
    'destination_cluster',
    'destination_workload_namespace',
    'destination_workload',
    'destination_app',
    'destination_canonical_service',
    'destination_version',
    'destination_canonical_revision',
  ],
} as const;

function readIdentity(labels: Record<string, string>, side: Side): NodeIdentity {
  const [cluster, workloadNamespace, workload, app, canonicalService, version, canonicalRevision] = KEYS[side];
  const isDestination = side === 'destination';
  return {
    cluster: present(labels[cluster]),
    namespace:
      present(labels[workloadNamespace]) || (isDestination ? present(labels.destination_service_namespace) : ''),
    workload: present(labels[workload]),
    app: present(labels[app]) || present(labels[canonicalService]),
    version: present(labels[version]) || present(labels[canonicalRevision]),
    service: isDestination
      ? present(labels.destination_service_name) || shortHost(present(labels.destination_service))
      : '',
  };
}

function shortHost(host: string): string {
  return IN_MESH_HOST.test(host) ? host.split('.')[0] : host;
}

/** Built field by field: object spread is transpiled to a slow helper, and this runs once per series end. */
function ref(identity: NodeIdentity, id: string, kind: NodeKind, label: string, specialKind?: SpecialKind): NodeRef {
  return {
    cluster: identity.cluster,
    namespace: identity.namespace,
    workload: identity.workload,
    app: identity.app,
    version: identity.version,
    service: identity.service,
    id,
    kind,
    label,
    special: specialKind,
  };
}

function special(id: string, kind: SpecialKind, label: string, identity: NodeIdentity): NodeRef {
  return ref(identity, id, 'service', label, kind);
}

/** Destination ends that are not a workload of the mesh, or undefined for ordinary ones. */
function specialDestination(labels: Record<string, string>, identity: NodeIdentity): NodeRef | undefined {
  const serviceName = labels.destination_service_name ?? '';
  const host = labels.destination_service ?? '';
  const cluster = identity.cluster;
  if (PASSTHROUGH.has(serviceName) || PASSTHROUGH.has(host)) {
    return special(`passthrough:${cluster}`, 'passthrough', 'PassthroughCluster', identity);
  }
  if (serviceName === 'BlackHoleCluster' || host === 'BlackHoleCluster') {
    return special(`blackhole:${cluster}`, 'blackhole', 'BlackHoleCluster', identity);
  }
  const externalHost = present(host);
  if (!identity.workload && externalHost && !IN_MESH_HOST.test(externalHost)) {
    identity.namespace = '';
    identity.service = externalHost;
    return special(`external:${externalHost}`, 'external', externalHost, identity);
  }
  return undefined;
}

function nodeOf(identity: NodeIdentity, side: Side, nodeKind: TopologyNodeKind): NodeRef {
  const { cluster, namespace, workload, app, version, service } = identity;
  const scope = `${cluster}/${namespace}`;
  const gateway = gatewayKind(workload, app);
  if (gateway) {
    return ref(identity, `wl:${scope}/${workload || app}`, 'workload', workload || app, gateway);
  }
  if ((nodeKind === 'service' || !workload) && side === 'destination' && service) {
    return ref(identity, `svc:${scope}/${service}`, 'service', service);
  }
  if (nodeKind === 'versionedApp' && app) {
    const v = version || 'latest';
    return ref(identity, `vapp:${scope}/${app}/${v}`, 'versionedApp', `${app} ${v}`);
  }
  if ((nodeKind === 'app' || nodeKind === 'versionedApp') && app) {
    return ref(identity, `app:${scope}/${app}`, 'app', app);
  }
  return ref(identity, `wl:${scope}/${workload}`, 'workload', workload);
}

/** The node a series' source side stands for; clients outside the mesh become the cluster's "unknown" node. */
export function sourceNode(labels: Record<string, string>, nodeKind: TopologyNodeKind): NodeRef {
  const identity = readIdentity(labels, 'source');
  if (!identity.workload && !identity.app) {
    identity.namespace = '';
    return special(`unknown:${identity.cluster}`, 'unknown', 'unknown', identity);
  }
  return nodeOf(identity, 'source', nodeKind === 'service' ? 'workload' : nodeKind);
}

export function destinationNode(labels: Record<string, string>, nodeKind: TopologyNodeKind): NodeRef {
  const identity = readIdentity(labels, 'destination');
  const extra = specialDestination(labels, identity);
  if (extra) {
    return extra;
  }
  if (!identity.workload && !identity.service && !identity.app) {
    return special(`unknown-destination:${identity.cluster}`, 'unknown', 'unknown', identity);
  }
  return nodeOf(identity, 'destination', nodeKind);
}

/** The service node Kiali injects between clients and the workloads behind a service. */
export function serviceNodeOf(target: NodeRef): NodeRef | undefined {
  if (target.special || target.kind === 'service' || !target.service) {
    return undefined;
  }
  return ref(
    { ...target, workload: '' },
    `svc:${target.cluster}/${target.namespace}/${target.service}`,
    'service',
    target.service
  );
}

const MERGED = ['cluster', 'namespace', 'workload', 'app', 'version', 'service', 'label'] as const;

/**
 * Folds another series' view of the same node into `into`: one end of a series may omit what the other end says
 * (a source side has no service), so each field keeps any non-empty value, and of two the smaller, so that the result
 * does not depend on the order of the series.
 */
export function mergeRef(into: NodeRef, other: NodeRef): void {
  for (const key of MERGED) {
    const value = other[key];
    if (value !== '' && (into[key] === '' || value < into[key])) {
      into[key] = value;
    }
  }
  into.special ??= other.special;
}

/** A whole namespace drawn as one node. */
export function namespaceNode(member: NodeRef): NodeRef {
  const { cluster, namespace } = member;
  const identity = { cluster, namespace, workload: '', app: '', version: '', service: '' };
  return ref(identity, `ns:${namespaceKey(cluster, namespace)}`, 'namespace', namespace);
}
