// The simulated mesh as the Kubernetes API would describe it: pods with their IPs, labels, annotations and container
// ports as Istio's injector and charts set them, nodes, and the two Services monitors select (istiod's and the
// kubelet Service Prometheus Operator maintains). discovery.ts turns these into Kubernetes SD target labels; `serves`
// is the pod network: which path on which ip:port answers with which exposition.
import type { Mesh, Workload } from '../model/mesh';
import type { ProxyPod } from '../model/proxy-pod';
import type { PodInfo, ScrapeTarget } from '../model/target';
import type { ExpositionWriter } from '../render/exposition-writer';
import { topologyLabels } from '../model/locality';

export interface ContainerPort {
  name: string;
  port: number;
}

export interface KubeContainer {
  name: string;
  image: string;
  ports: ContainerPort[];
}

export interface KubePod {
  info: PodInfo;
  ip: string;
  hostIp: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: KubeContainer[];
  controller: { kind: string; name: string };
  /** false while scaled to zero: the pod is gone from the API. */
  exists: () => boolean;
}

export interface KubeNode {
  name: string;
  cluster: string;
  ip: string;
  labels: Record<string, string>;
}

export interface KubeService {
  name: string;
  namespace: string;
  cluster: string;
  labels: Record<string, string>;
  ports: Array<ContainerPort & { targetPort: number }>;
  /** Pods behind the Service, or nodes for the kubelet Service (its endpoints name nodes, not pods). */
  pods: KubePod[];
  nodes: KubeNode[];
}

/** What answers at `http://<host><path>`: a target, rendered whole or as one of its parts. */
export interface Served {
  target: ScrapeTarget;
  render: (now: number, out: ExpositionWriter) => void | Promise<void>;
}

export interface KubernetesObjects {
  pods: KubePod[];
  nodes: KubeNode[];
  services: KubeService[];
  /** `<host:port><path>` → exposition, as the pod network and the API server's node proxy answer. */
  serves: Map<string, Served>;
}

/** The Service and port names kube-prometheus-stack's operator gives the kubelet (`--kubelet-service`). */
export const KUBELET_SERVICE = { namespace: 'kube-system', name: 'kube-prometheus-stack-kubelet' };
/** Ports Istio's components listen on. */
export const PORTS = { agent: 15020, envoy: 15090, istiod: 15014, kubelet: 10250 } as const;

const PROXY_IMAGE = 'docker.io/istio/proxyv2';
const prometheusAnnotations = (port: number, path?: string): Record<string, string> => ({
  ...(path ? { 'prometheus.io/path': path } : {}),
  'prometheus.io/port': String(port),
  'prometheus.io/scrape': 'true',
});

/** Addresses by cluster index: 10.(16+c).x.y for pods, 172.(16+c).x.y for nodes, unique across the mesh. */
function addresses(prefix: number, cluster: number) {
  let next = 0;
  return () => {
    next++;
    return `${prefix}.${16 + cluster}.${Math.floor(next / 250)}.${(next % 250) + 1}`;
  };
}

export function kubernetesObjects(mesh: Mesh): KubernetesObjects {
  const nodes = new Map<string, KubeNode>();
  const podIp = new Map(mesh.clusters.map((c, i) => [c, addresses(10, i)]));
  const nodeIp = new Map(mesh.clusters.map((c, i) => [c, addresses(172, i)]));
  for (const cadvisor of mesh.cadvisors.values()) {
    const node = cadvisor.node;
    nodes.set(node, {
      name: node,
      cluster: cadvisor.cluster,
      ip: nodeIp.get(cadvisor.cluster)!(),
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node,
        'kubernetes.io/os': 'linux',
        ...topologyLabels(mesh.nodeLocality(node)),
      },
    });
  }
  const serves = new Map<string, Served>();
  const pods: KubePod[] = [];
  const pod = (info: PodInfo, p: Omit<KubePod, 'info' | 'ip' | 'hostIp'>): KubePod => {
    // The node's topology labels on the pod too, as Kubernetes' PodTopologyLabels admission copies them.
    const labels = { ...p.labels, ...topologyLabels(info.locality) };
    const k = { info, ip: podIp.get(info.cluster)!(), hostIp: nodes.get(info.node)?.ip ?? '', ...p, labels };
    pods.push(k);
    return k;
  };
  const serve = (
    host: string,
    path: string,
    target: ScrapeTarget,
    render: Served['render'] = (now, out) => target.render(now, out)
  ) => serves.set(`${host}${path}`, { target, render });

  for (const w of mesh.workloads) {
    w.pods.forEach((info, i) => {
      const proxy = w.proxies[i];
      const k = pod(info, workloadPod(w, proxy));
      if (proxy) {
        serve(`${k.ip}:${PORTS.agent}`, '/stats/prometheus', proxy, (now, out) => proxy.render(now, out, 'merged'));
        serve(`${k.ip}:${PORTS.envoy}`, '/stats/prometheus', proxy, (now, out) => proxy.render(now, out, 'envoy'));
      }
    });
  }
  for (const zt of mesh.ztunnels.values()) {
    const k = pod(zt.pod, {
      labels: { app: 'ztunnel', 'sidecar.istio.io/inject': 'false', 'istio.io/dataplane-mode': 'none' },
      annotations: { ...prometheusAnnotations(PORTS.agent), 'sidecar.istio.io/inject': 'false' },
      containers: [
        {
          name: 'istio-proxy',
          image: 'docker.io/istio/ztunnel',
          ports: [{ name: 'ztunnel-stats', port: PORTS.agent }],
        },
      ],
      controller: { kind: 'DaemonSet', name: 'ztunnel' },
      exists: () => zt.visible(),
    });
    // ztunnel answers its metrics on both paths, so a PodMonitor written for Envoy's path scrapes it too.
    serve(`${k.ip}:${PORTS.agent}`, '/metrics', zt);
    serve(`${k.ip}:${PORTS.agent}`, '/stats/prometheus', zt);
  }
  const services: KubeService[] = [];
  for (const [cluster, istiod] of mesh.istiods) {
    const istiodLabels = { app: 'istiod', istio: 'pilot', 'istio.io/rev': 'default', release: 'istio' };
    const k = pod(istiod.pod, {
      labels: {
        ...istiodLabels,
        'sidecar.istio.io/inject': 'false',
        'pod-template-hash': istiod.pod.name.split('-')[1],
      },
      annotations: { ...prometheusAnnotations(PORTS.istiod), 'sidecar.istio.io/inject': 'false' },
      containers: [
        {
          name: 'discovery',
          image: 'docker.io/istio/pilot',
          ports: [
            { name: 'http-debug', port: 8080 },
            { name: 'grpc-xds', port: 15010 },
            { name: 'tls-xds', port: 15012 },
            { name: 'https-webhooks', port: 15017 },
            { name: 'http-monitoring', port: PORTS.istiod },
          ],
        },
      ],
      controller: { kind: 'ReplicaSet', name: istiod.pod.name.replace(/-[^-]+$/, '') },
      exists: () => true,
    });
    serve(`${k.ip}:${PORTS.istiod}`, '/metrics', istiod);
    services.push({
      name: 'istiod',
      namespace: 'istio-system',
      cluster,
      labels: istiodLabels,
      ports: [
        { name: 'grpc-xds', port: 15010, targetPort: 15010 },
        { name: 'https-dns', port: 15012, targetPort: 15012 },
        { name: 'https-webhook', port: 443, targetPort: 15017 },
        { name: 'http-monitoring', port: PORTS.istiod, targetPort: PORTS.istiod },
      ],
      pods: [k],
      nodes: [],
    });
  }
  for (const cluster of mesh.clusters) {
    services.push({
      ...KUBELET_SERVICE,
      cluster,
      labels: {
        'app.kubernetes.io/managed-by': 'prometheus-operator',
        'app.kubernetes.io/name': 'kubelet',
        'k8s-app': 'kubelet',
      },
      ports: [
        { name: 'https-metrics', port: PORTS.kubelet, targetPort: PORTS.kubelet },
        { name: 'http-metrics', port: 10255, targetPort: 10255 },
        { name: 'cadvisor', port: 4194, targetPort: 4194 },
      ],
      pods: [],
      nodes: [...nodes.values()].filter((n) => n.cluster === cluster),
    });
  }
  for (const cadvisor of mesh.cadvisors.values()) {
    const node = nodes.get(cadvisor.node)!;
    serve(`${node.ip}:${PORTS.kubelet}`, '/metrics/cadvisor', cadvisor);
    // Istio's sample Prometheus reaches cAdvisor through the API server's node proxy.
    serve('kubernetes.default.svc:443', `/api/v1/nodes/${node.name}/proxy/metrics/cadvisor`, cadvisor);
  }
  return { pods, nodes: [...nodes.values()], services, serves };
}

/** A workload's pod: injected (sidecar, gateway, waypoint) with istio-proxy and the injector's annotations, or ambient. */
function workloadPod(w: Workload, proxy: ProxyPod | undefined): Omit<KubePod, 'info' | 'ip' | 'hostIp'> {
  const rs = w.pods[0].name.split('-').at(-2)!;
  const labels: Record<string, string> = { ...w.pods[0].labels, 'pod-template-hash': rs };
  const app: KubeContainer = {
    name: w.spec.app ?? w.spec.name,
    image: `docker.io/example/${w.spec.app ?? w.spec.name}`,
    ports: [{ name: '', port: w.spec.port ?? 8080 }],
  };
  const controller = { kind: 'ReplicaSet', name: `${w.spec.name}-${rs}` };
  const exists = () => w.up;
  if (!proxy) {
    return { labels, annotations: {}, containers: [app], controller, exists };
  }
  Object.assign(labels, {
    'security.istio.io/tlsMode': 'istio',
    'service.istio.io/canonical-name': w.identity.canonicalService,
    'service.istio.io/canonical-revision': w.identity.canonicalRevision,
  });
  const envoy: KubeContainer = {
    name: 'istio-proxy',
    image: PROXY_IMAGE,
    ports: [{ name: 'http-envoy-prom', port: PORTS.envoy }],
  };
  const annotations = {
    ...prometheusAnnotations(PORTS.agent, '/stats/prometheus'),
    'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"]}',
  };
  if (w.mode === 'gateway' || w.spec.name === 'waypoint') {
    // Gateways and waypoints run Envoy as their only container.
    envoy.ports.unshift({ name: 'status-port', port: 15021 });
    return { labels, annotations, containers: [envoy], controller, exists };
  }
  return { labels, annotations, containers: [app, envoy], controller, exists };
}
