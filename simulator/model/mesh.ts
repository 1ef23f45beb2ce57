// Compiles a validated topology into pods, nodes, scrape targets and edges, and wires each new
// series of an edge to the proxies that report it (spec §2.3 reporters, §3.1 ambient).
import { HTTP_LABELS, MSG_LABELS, type Reporter, TCP_LABELS, ZTUNNEL_LABELS } from '../spec/labels';
import { labelPairs } from '../render/text';
import type { TrafficEntry } from '../render/proxy';
import { CadvisorNode } from '../targets/cadvisor';
import { IstiodPod } from '../targets/istiod';
import { ZtunnelPod } from '../targets/ztunnel';
import { ambientNamespaces, modeOf, workloadIndex } from '../topology/validate';
import type { Topology, WorkloadMode, WorkloadSpec } from '../topology/types';
import { hash32, kubeSuffix } from '../util/random';
import { type EdgeBehaviour, EdgeRuntime, type MessageSeries, type Series } from './edge';
import {
  connectionSecurityPolicy,
  envoyPeerLabels,
  type Hop,
  type Identity,
  identityOf,
  ztunnelLabels,
} from './identity';
import { clusterKind, externalPort } from './envoy-clusters';
import { clusterLocalities, type Locality, zoneShares } from './locality';
import { ProxyPod } from './proxy-pod';
import type { PodInfo, ScrapeTarget } from './target';

const PODS_PER_NODE = 25;
const MiB = 1024 * 1024;

export interface Workload {
  key: string;
  spec: WorkloadSpec;
  mode: WorkloadMode;
  identity: Identity;
  pods: PodInfo[];
  /** Envoy scrape targets (sidecar, gateway); empty for ambient workloads. */
  proxies: ProxyPod[];
  /** false while scaled to zero. */
  up: boolean;
  waypoint?: Workload;
}

export interface EnvoyObserver {
  pod: ProxyPod;
  reporter: Reporter;
  share: number;
  cluster: string;
}

export interface ZtunnelObserver {
  ztunnel: ZtunnelPod;
  reporter: 'source' | 'destination';
  share: number;
  /** The waypoint in the path: this ztunnel sees only its leg to or from it (identity.ts ztunnelLabels). */
  waypoint?: Identity;
}

export class Mesh {
  readonly istioVersion: string;
  readonly clusters: string[];
  readonly workloads: Workload[] = [];
  readonly edges: EdgeRuntime[] = [];
  readonly targets: ScrapeTarget[] = [];
  readonly istiods = new Map<string, IstiodPod>();
  readonly ztunnels = new Map<string, ZtunnelPod>();
  readonly cadvisors = new Map<string, CadvisorNode>();
  private readonly nodesByCluster = new Map<string, string[]>();
  readonly localities: Map<string, Locality[]>;
  private readonly localityOfNode = new Map<string, Locality>();
  private readonly podCountByCluster = new Map<string, number>();
  private readonly edgeSource: Array<Workload | undefined> = [];
  private readonly edgeDestination: Array<Workload | undefined> = [];
  /** Hosts ServiceEntries register outside the mesh (resolution DNS: EDS gives each one endpoint, the name). */
  private readonly externalHosts: Set<string>;
  /** Edges each target reports series of. */
  private readonly observed = new Map<ScrapeTarget, Set<EdgeRuntime>>();

  constructor(
    readonly topology: Topology,
    readonly seed: number,
    readonly startedAt: number
  ) {
    this.istioVersion = topology.istioVersion ?? '1.24.2';
    this.clusters = topology.clusters ?? ['Kubernetes'];
    this.localities = clusterLocalities(topology, this.clusters);
    const trustDomain = topology.trustDomain ?? 'cluster.local';
    const ambient = ambientNamespaces(topology);
    const waypointNs = (topology.namespaces ?? []).filter((n) => n.waypoint).map((n) => n.name);

    const workloadOf = (spec: WorkloadSpec, mode: WorkloadMode): Workload => {
      const cluster = spec.cluster ?? this.clusters[0];
      const w: Workload = {
        key: `${spec.namespace}/${spec.name}`,
        spec,
        mode,
        identity: identityOf(spec, cluster, trustDomain),
        pods: [],
        proxies: [],
        up: true,
      };
      this.podCountByCluster.set(cluster, (this.podCountByCluster.get(cluster) ?? 0) + (spec.replicas ?? 1));
      return w;
    };
    for (const spec of topology.workloads) {
      this.workloads.push(workloadOf(spec, modeOf(spec, ambient)));
    }
    const waypoints = new Map<string, Workload>();
    for (const ns of waypointNs) {
      const cluster = this.workloads.find((w) => w.spec.namespace === ns)?.identity.cluster ?? this.clusters[0];
      const wp = workloadOf(
        { name: 'waypoint', namespace: ns, cluster, app: 'waypoint', serviceAccount: 'waypoint', port: 15008 },
        'sidecar'
      );
      waypoints.set(ns, wp);
      this.workloads.push(wp);
    }
    for (const w of this.workloads) {
      w.waypoint = w.mode === 'ambient' ? waypoints.get(w.spec.namespace) : undefined;
    }
    this.layOutNodes(ambient.size > 0);
    this.externalHosts = new Set(topology.edges.flatMap((e) => (e.external ? [e.external.host] : [])));
    // istiod's push context holds ServiceEntry services beside Kubernetes ones, and every proxy gets a cluster of each.
    const serviceCount = new Set([...this.workloads.map((w) => w.identity.serviceFqdn), ...this.externalHosts]).size;
    for (const w of this.workloads) {
      this.createPods(w, serviceCount);
    }
    this.createControlPlane(serviceCount);

    const resolve = workloadIndex(topology);
    topology.edges.forEach((spec, i) => {
      const src = spec.source === 'unknown' ? undefined : this.workloads[resolve(spec.source) as number];
      const dst = spec.destination === undefined ? undefined : this.workloads[resolve(spec.destination) as number];
      this.edgeSource[i] = src;
      this.edgeDestination[i] = dst;
      const id = `${src?.key ?? 'unknown'}->${dst?.key ?? spec.egress?.host ?? spec.external?.host}`;
      const hopFor = (b: EdgeBehaviour): Hop => ({
        source: src?.identity,
        destination: dst?.identity,
        egress: spec.egress,
        external: spec.external,
        destinationDown: b.destinationDown,
        mtls: b.mtls,
        peerMetadata: spec.protocol !== 'tcp' || b.mtls,
      });
      this.edges.push(
        new EdgeRuntime(
          i,
          id,
          spec,
          hopFor,
          { series: (e, s) => this.attach(e, s), messages: (e, m) => this.attachMessages(e, m) },
          seed,
          startedAt
        )
      );
    });
  }

  sourceOf(edge: EdgeRuntime): Workload | undefined {
    return this.edgeSource[edge.index];
  }

  destinationOf(edge: EdgeRuntime): Workload | undefined {
    return this.edgeDestination[edge.index];
  }

  findWorkload(ref: string): Workload | undefined {
    return this.workloads.find((w) => w.key === ref) ?? this.workloads.find((w) => w.spec.name === ref);
  }

  findEdge(ref: string): EdgeRuntime | undefined {
    return /^\d+$/.test(ref) ? this.edges[Number(ref)] : this.edges.find((e) => e.id === ref);
  }

  /**
   * Integrates, up to `now`, the edges whose series `target` prints. Only those: a full scrape is one
   * request per target, and advancing every edge on each would make it quadratic in mesh size.
   */
  advanceFor(target: ScrapeTarget, now: number): void {
    for (const e of this.observed.get(target) ?? []) {
      e.advance(now);
    }
  }

  /**
   * Endpoints EDS gives an Envoy cluster: the pods of the workloads behind its service that are up (in every
   * cluster of a multi-primary mesh), the local app for inbound|…, one original destination for PassthroughCluster
   * and one DNS name for a ServiceEntry's host.
   */
  endpointsOf(cluster: string): number {
    const fqdn = cluster.split('|')[3];
    if (!fqdn || this.externalHosts.has(fqdn)) {
      return clusterKind(cluster) === 'blackhole' ? 0 : 1;
    }
    return this.workloads.filter((w) => w.up && w.identity.serviceFqdn === fqdn).reduce((n, w) => n + w.pods.length, 0);
  }

  proxyCount(cluster: string): number {
    return this.workloads
      .filter((w) => w.up && w.identity.cluster === cluster)
      .reduce((n, w) => n + w.proxies.length, 0);
  }

  private layOutNodes(ambient: boolean): void {
    for (const cluster of this.clusters) {
      const zones = this.localities.get(cluster)!;
      const count = Math.max(2, zones.length, Math.ceil((this.podCountByCluster.get(cluster) ?? 0) / PODS_PER_NODE));
      const nodes = Array.from(
        { length: count },
        (_, i) => `${cluster}-worker-${kubeSuffix(`${this.seed}/${cluster}/${i}`, 5)}`
      );
      this.nodesByCluster.set(cluster, nodes);
      nodes.forEach((node, i) => this.localityOfNode.set(node, zones[i % zones.length]));
      for (const node of nodes) {
        const cadvisor = new CadvisorNode(cluster, node, this.istioVersion, this.startedAt);
        this.cadvisors.set(node, cadvisor);
        this.targets.push(cadvisor);
        if (ambient) {
          const pod = this.podInfo(
            cluster,
            node,
            'istio-system',
            `ztunnel-${kubeSuffix(`${this.seed}/${node}/zt`, 5)}`,
            'istio-proxy',
            { app: 'ztunnel' }
          );
          const zt = new ZtunnelPod(pod, this.istioVersion, () => this.workloadsOnNode(node), this.startedAt);
          this.ztunnels.set(node, zt);
          this.targets.push(zt);
          cadvisor.containers.push({
            pod,
            up: () => true,
            cores: () => 0.002 + 0.0002 * zt.entries.length,
            memoryBytes: () => 18 * MiB + zt.entries.length * 20_000,
          });
        }
      }
    }
  }

  nodeLocality(node: string): Locality {
    return this.localityOfNode.get(node)!;
  }

  private workloadsOnNode(node: string): number {
    return this.workloads.filter((w) => w.up && w.mode === 'ambient' && w.pods.some((p) => p.node === node)).length;
  }

  private nodeFor(cluster: string, key: string, zone?: number): string {
    const all = this.nodesByCluster.get(cluster) ?? [];
    const zones = this.localities.get(cluster)!.length;
    const nodes = zone === undefined ? all : all.filter((_, i) => i % zones === zone);
    return nodes[hash32(key, this.seed) % nodes.length];
  }

  private podInfo(
    cluster: string,
    node: string,
    namespace: string,
    name: string,
    container: string,
    labels: Record<string, string>
  ): PodInfo {
    return { name, namespace, cluster, node, container, labels, locality: this.localityOfNode.get(node)! };
  }

  private createPods(w: Workload, serviceCount: number): void {
    const rs = kubeSuffix(`${this.seed}/${w.key}/rs`, 10);
    const labels: Record<string, string> = {};
    if (w.spec.app) {
      labels.app = w.spec.app;
    }
    if (w.spec.version) {
      labels.version = w.spec.version;
    }
    // Spread over the cluster's zones as a topology spread constraint would, from a zone the workload's name picks.
    const zones = this.localities.get(w.identity.cluster)!.length;
    const first = hash32(w.key, this.seed);
    for (let i = 0; i < (w.spec.replicas ?? 1); i++) {
      const name = `${w.spec.name}-${rs}-${kubeSuffix(`${this.seed}/${w.key}/${i}`, 5)}`;
      const pod = this.podInfo(
        w.identity.cluster,
        this.nodeFor(w.identity.cluster, name, (first + i) % zones),
        w.spec.namespace,
        name,
        w.mode === 'ambient' ? w.spec.name : 'istio-proxy',
        labels
      );
      w.pods.push(pod);
      if (w.mode === 'ambient') {
        continue;
      }
      const proxy = new ProxyPod(
        pod,
        w.spec,
        () => w.up,
        this.istioVersion,
        serviceCount,
        this.startedAt,
        (c) => this.endpointsOf(c)
      );
      w.proxies.push(proxy);
      this.targets.push(proxy);
      this.cadvisors.get(pod.node)?.containers.push({
        pod,
        up: () => w.up,
        cores: () => 0.004 + 0.0008 * proxy.load(),
        memoryBytes: () => 42 * MiB + (proxy.http.length + proxy.tcp.length) * 150_000,
      });
    }
  }

  private createControlPlane(serviceCount: number): void {
    for (const cluster of this.clusters) {
      const name = `istiod-${kubeSuffix(`${this.seed}/${cluster}/istiod`, 10)}-${kubeSuffix(`${this.seed}/${cluster}/istiod/0`, 5)}`;
      const pod = this.podInfo(cluster, this.nodeFor(cluster, name), 'istio-system', name, 'discovery', {
        app: 'istiod',
      });
      const proxies = () => this.proxyCount(cluster);
      const istiod = new IstiodPod(
        pod,
        this.istioVersion,
        { proxies, services: serviceCount, virtualServices: Math.ceil(serviceCount / 3) },
        this.startedAt,
        hash32(name, this.seed)
      );
      this.istiods.set(cluster, istiod);
      this.targets.push(istiod);
      this.cadvisors.get(pod.node)?.containers.push({
        pod,
        up: () => true,
        cores: () => 0.01 + 0.0005 * proxies(),
        memoryBytes: () => 120 * MiB + proxies() * 600_000,
      });
    }
  }

  /** The Envoy cluster that carries an edge's traffic on the proxy reporting it as `reporter`. */
  clusterOf(edge: EdgeRuntime, reporter: Reporter): string {
    const dst = this.destinationOf(edge)?.identity;
    if (reporter === 'source') {
      const external = edge.spec.external;
      if (external) {
        return `outbound|${externalPort(edge.spec)}||${external.host}`;
      }
      return edge.spec.egress?.cluster ?? `outbound|${dst?.port}||${dst?.serviceFqdn}`;
    }
    return reporter === 'destination' ? `inbound|${dst?.port}||` : `inbound-vip|${dst?.port}|http|${dst?.serviceFqdn}`;
  }

  /**
   * Zones that a source pod's requests on this edge reach, with their shares: over the localities of the pods that
   * serve it (the waypoint's for an ambient destination behind one), under the destination's localityLb. Empty
   * where Envoy's upstream host has no locality: egress, passthrough, inbound clusters.
   */
  zoneSplit(edge: EdgeRuntime, pod: PodInfo): Array<[string, number]> {
    const dst = this.destinationOf(edge);
    if (!dst || clusterKind(this.clusterOf(edge, 'source')) !== 'outbound') {
      return [];
    }
    const serving = dst.waypoint ?? dst;
    return zoneShares(
      pod.locality,
      serving.pods.map((p) => p.locality),
      dst.spec.localityLb
    );
  }

  /** Envoy proxies that report a series of this edge, with the pod's share of it. */
  private envoyObservers(edge: EdgeRuntime, hop: Hop): EnvoyObserver[] {
    const out: EnvoyObserver[] = [];
    const src = this.sourceOf(edge);
    const dst = this.destinationOf(edge);
    const spread = (w: Workload, reporter: Reporter, cluster: string) => {
      for (const pod of w.proxies) {
        out.push({ pod, reporter, share: 1 / w.proxies.length, cluster });
      }
    };
    if (src && src.mode !== 'ambient') {
      spread(src, 'source', this.clusterOf(edge, 'source'));
    }
    if (dst && !hop.destinationDown) {
      if (dst.mode !== 'ambient') {
        spread(dst, 'destination', this.clusterOf(edge, 'destination'));
      } else if (dst.waypoint) {
        spread(dst.waypoint, 'waypoint', this.clusterOf(edge, 'waypoint'));
      }
    }
    return out;
  }

  /** ztunnels on the nodes of an ambient end, weighted by how many of its pods each node hosts. */
  private ztunnelObservers(edge: EdgeRuntime, hop: Hop): ZtunnelObserver[] {
    const out: ZtunnelObserver[] = [];
    // A waypoint is the server of the client's leg and the client of the server's, so the client's leg exists even
    // when the destination has no endpoints (the waypoint answers).
    const waypoint = this.destinationOf(edge)?.waypoint?.identity;
    const onNodes = (w: Workload | undefined, reporter: 'source' | 'destination') => {
      if (w?.mode !== 'ambient') {
        return;
      }
      for (const pod of w.pods) {
        const ztunnel = this.ztunnels.get(pod.node);
        if (ztunnel) {
          out.push({ ztunnel, reporter, share: 1 / w.pods.length, waypoint });
        }
      }
    };
    onNodes(this.sourceOf(edge), 'source');
    if (!hop.destinationDown) {
      onNodes(this.destinationOf(edge), 'destination');
    }
    return out;
  }

  private attach(edge: EdgeRuntime, s: Series): void {
    const tcp = edge.spec.protocol === 'tcp';
    for (const o of this.envoyObservers(edge, s.hop)) {
      const values: Record<string, string> = {
        reporter: o.reporter,
        ...envoyPeerLabels(s.hop, o.reporter),
        request_protocol: edge.spec.protocol,
        response_code: s.outcome.code,
        grpc_response_status: s.outcome.grpcStatus,
        response_flags: s.outcome.flags,
        connection_security_policy: connectionSecurityPolicy(s.hop, o.reporter),
      };
      const entry: TrafficEntry = {
        series: s,
        labels: Buffer.from(labelPairs(tcp ? TCP_LABELS : HTTP_LABELS, values)),
        share: o.share,
        rate: () => edge.rateOf(s),
      };
      o.pod.add(tcp ? 'tcp' : 'http', entry, {
        reporter: o.reporter,
        cluster: o.cluster,
        zones: o.reporter === 'source' ? this.zoneSplit(edge, o.pod.pod) : [],
      });
      this.observe(o.pod, edge);
    }
    for (const o of this.ztunnelObservers(edge, s.hop)) {
      const values = ztunnelLabels(s.hop, o.reporter, o.waypoint);
      values.response_flags = s.outcome.flags === 'UF' ? 'CONNECT' : '-';
      o.ztunnel.entries.push({
        series: s,
        labels: Object.fromEntries(ZTUNNEL_LABELS.map((n) => [n, values[n]])),
        share: o.share,
      });
      this.observe(o.ztunnel, edge);
    }
  }

  private observe(target: ScrapeTarget, edge: EdgeRuntime): void {
    const edges = this.observed.get(target) ?? new Set<EdgeRuntime>();
    edges.add(edge);
    this.observed.set(target, edges);
  }

  private attachMessages(edge: EdgeRuntime, m: MessageSeries): void {
    for (const o of this.envoyObservers(edge, m.hop)) {
      const values = { reporter: o.reporter, ...envoyPeerLabels(m.hop, o.reporter) };
      o.pod.messages.push({ series: m, labels: Buffer.from(labelPairs(MSG_LABELS, values)), share: o.share });
      this.observe(o.pod, edge);
    }
  }
}
