// Kubernetes service discovery as Prometheus' kubernetes_sd_configs would produce it, served over HTTP SD so a real
// Prometheus runs a setup's own relabel_configs on it. Label names and values follow Prometheus' documentation of
// the pod, endpoints and node roles. `cluster` is added to every target: it stands in for what each cluster's
// Prometheus adds in a multi-cluster mesh (an external label or a relabelling), which Kubernetes SD cannot give.
import {
  type KubeContainer,
  type KubeNode,
  type KubePod,
  type KubernetesObjects,
  type KubeService,
  PORTS,
} from './objects';

export const ROLES = ['pod', 'endpoints', 'node'] as const;
export type Role = (typeof ROLES)[number];

export interface TargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

/** Prometheus' label name sanitising for object labels and annotations: every invalid character becomes `_`. */
const sanitize = (name: string) => name.replace(/[^a-zA-Z0-9_]/g, '_');

function objectLabels(
  prefix: string,
  kind: 'label' | 'annotation',
  values: Record<string, string>
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    out[`${prefix}_${kind}_${sanitize(k)}`] = v;
    out[`${prefix}_${kind}present_${sanitize(k)}`] = 'true';
  }
  return out;
}

function podLabels(p: KubePod): Record<string, string> {
  const m = '__meta_kubernetes_pod';
  return {
    __meta_kubernetes_namespace: p.info.namespace,
    [`${m}_name`]: p.info.name,
    [`${m}_ip`]: p.ip,
    [`${m}_node_name`]: p.info.node,
    [`${m}_host_ip`]: p.hostIp,
    [`${m}_ready`]: 'true',
    [`${m}_phase`]: 'Running',
    [`${m}_uid`]: `uid-${p.info.cluster}-${p.info.namespace}-${p.info.name}`,
    [`${m}_controller_kind`]: p.controller.kind,
    [`${m}_controller_name`]: p.controller.name,
    ...objectLabels(m, 'label', p.labels),
    ...objectLabels(m, 'annotation', p.annotations),
  };
}

function containerLabels(c: KubeContainer, port: KubeContainer['ports'][number] | undefined): Record<string, string> {
  const m = '__meta_kubernetes_pod_container';
  return {
    [`${m}_name`]: c.name,
    [`${m}_image`]: c.image,
    [`${m}_init`]: 'false',
    ...(port
      ? { [`${m}_port_name`]: port.name, [`${m}_port_number`]: String(port.port), [`${m}_port_protocol`]: 'TCP' }
      : {}),
  };
}

/** Role pod: one target per declared container port (`<pod ip>:<port>`), and one per container without ports. */
function podTargets(p: KubePod): TargetGroup[] {
  return p.containers.flatMap((c) =>
    (c.ports.length ? c.ports : [undefined]).map((port) => ({
      targets: [port ? `${p.ip}:${port.port}` : p.ip],
      labels: { cluster: p.info.cluster, ...podLabels(p), ...containerLabels(c, port) },
    }))
  );
}

function nodeLabels(n: KubeNode): Record<string, string> {
  return {
    __meta_kubernetes_node_name: n.name,
    __meta_kubernetes_node_address_InternalIP: n.ip,
    __meta_kubernetes_node_address_Hostname: n.name,
    __meta_kubernetes_node_provider_id: `kind://docker/${n.cluster}/${n.name}`,
    ...objectLabels('__meta_kubernetes_node', 'label', n.labels),
  };
}

/** Role endpoints: one target per ready address × port, with the Service's labels and the backing pod's or node's. */
function endpointTargets(s: KubeService): TargetGroup[] {
  const common = {
    cluster: s.cluster,
    __meta_kubernetes_namespace: s.namespace,
    __meta_kubernetes_endpoints_name: s.name,
    __meta_kubernetes_service_name: s.name,
    ...objectLabels('__meta_kubernetes_service', 'label', s.labels),
    ...objectLabels('__meta_kubernetes_endpoints', 'label', s.labels),
  };
  const endpoint = (port: KubeService['ports'][number], kind: 'Pod' | 'Node', name: string, node: string) => ({
    __meta_kubernetes_endpoint_port_name: port.name,
    __meta_kubernetes_endpoint_port_protocol: 'TCP',
    __meta_kubernetes_endpoint_ready: 'true',
    __meta_kubernetes_endpoint_address_target_kind: kind,
    __meta_kubernetes_endpoint_address_target_name: name,
    __meta_kubernetes_endpoint_node_name: node,
  });
  return s.ports.flatMap((port) => [
    ...s.pods
      .filter((p) => p.exists())
      .map((p) => {
        const container = p.containers.find((c) => c.ports.some((cp) => cp.port === port.targetPort));
        return {
          targets: [`${p.ip}:${port.targetPort}`],
          labels: {
            ...common,
            ...podLabels(p),
            ...(container
              ? containerLabels(
                  container,
                  container.ports.find((cp) => cp.port === port.targetPort)
                )
              : {}),
            ...endpoint(port, 'Pod', p.info.name, p.info.node),
          },
        };
      }),
    ...s.nodes.map((n) => ({
      targets: [`${n.ip}:${port.targetPort}`],
      labels: { ...common, ...endpoint(port, 'Node', n.name, n.name) },
    })),
  ]);
}

/** The HTTP SD document for one role, as Kubernetes SD would discover it now. */
export function discover(objects: KubernetesObjects, role: Role): TargetGroup[] {
  switch (role) {
    case 'pod':
      return objects.pods.filter((p) => p.exists()).flatMap(podTargets);
    case 'endpoints':
      return objects.services.flatMap(endpointTargets);
    case 'node':
      return objects.nodes.map((n) => ({
        targets: [`${n.ip}:${PORTS.kubelet}`],
        labels: { cluster: n.cluster, ...nodeLabels(n) },
      }));
  }
}
