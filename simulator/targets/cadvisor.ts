// The kubelet's cAdvisor endpoint for one node: CPU and memory of the Istio containers on it
// (istio-proxy in sidecars, gateways, waypoints and ztunnel; discovery in istiod), as
// kube-prometheus-stack scrapes it (job="kubelet", metrics_path="/metrics/cadvisor").
import { Counter, Gauge, Registry } from 'prom-client';
import type { PodInfo, ScrapeTarget } from '../model/target';
import type { ExpositionWriter } from '../render/exposition-writer';

export interface ContainerUsage {
  pod: PodInfo;
  /** Pod present (not scaled to zero). */
  up: () => boolean;
  /** CPU cores in use right now. */
  cores: () => number;
  memoryBytes: () => number;
}

const IMAGES: Record<string, string> = { 'istio-proxy': 'docker.io/istio/proxyv2', discovery: 'docker.io/istio/pilot' };

export class CadvisorNode implements ScrapeTarget {
  readonly path: string;
  readonly targetLabels: Record<string, string>;
  readonly contentType: string;
  readonly containers: ContainerUsage[] = [];
  private readonly registry = new Registry();
  private readonly cpuSeconds = new Map<ContainerUsage, number>();
  private lastT: number;

  constructor(
    readonly cluster: string,
    readonly node: string,
    istioVersion: string,
    startedAt: number
  ) {
    this.path = `/clusters/${cluster}/nodes/${node}/metrics/cadvisor`;
    this.targetLabels = { job: 'kubelet', metrics_path: '/metrics/cadvisor', cluster, node };
    this.contentType = this.registry.contentType;
    this.lastT = startedAt;
    const self = this;
    const labelNames = ['container', 'cpu', 'id', 'image', 'name', 'namespace', 'pod'];
    const labels = (c: ContainerUsage) => {
      const uid = `${c.pod.namespace}_${c.pod.name}`;
      return {
        container: c.pod.container,
        cpu: 'total',
        id: `/kubepods/burstable/pod${uid}/${c.pod.container}`,
        image: `${IMAGES[c.pod.container]}:${istioVersion}`,
        name: `k8s_${c.pod.container}_${uid}`,
        namespace: c.pod.namespace,
        pod: c.pod.name,
      };
    };
    new Counter({
      name: 'container_cpu_usage_seconds_total',
      help: 'Cumulative cpu time consumed in seconds.',
      labelNames,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of self.containers) {
          if (c.up()) {
            this.inc(labels(c), self.cpuSeconds.get(c) ?? 0);
          }
        }
      },
    });
    new Gauge({
      name: 'container_memory_working_set_bytes',
      help: 'Current working set of the container in bytes',
      labelNames: labelNames.filter((l) => l !== 'cpu'),
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of self.containers) {
          if (c.up()) {
            const { cpu: _cpu, ...rest } = labels(c);
            this.set(rest, Math.round(c.memoryBytes()));
          }
        }
      },
    });
  }

  visible(): boolean {
    return true;
  }

  async render(now: number, out: ExpositionWriter): Promise<void> {
    const dt = Math.max(0, now - this.lastT);
    this.lastT = now;
    for (const c of this.containers) {
      this.cpuSeconds.set(c, (this.cpuSeconds.get(c) ?? 0) + (c.up() ? c.cores() * dt : 0));
    }
    out.text(await this.registry.metrics());
  }
}
