// A scrape target: one simulated pod (or one node's kubelet) served at its own path.
import type { ExpositionWriter } from '../render/exposition-writer';
import type { Locality } from './locality';

export const TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface PodInfo {
  name: string;
  namespace: string;
  cluster: string;
  node: string;
  /** Container Prometheus' pod scrape lands on: istio-proxy for proxies, discovery for istiod. */
  container: string;
  /** Pod labels that reach target labels through Istio's labelmap (app, version). */
  labels: Record<string, string>;
  /** Its node's locality. */
  locality: Locality;
}

export interface ScrapeTarget {
  /** URL path the simulator serves this target at (also its `__metrics_path__`). */
  readonly path: string;
  /** Target labels a Kubernetes scrape would attach. */
  readonly targetLabels: Record<string, string>;
  readonly contentType: string;
  /** false while the pod does not exist (scaled to zero); it then leaves /sd and answers 404. */
  visible(): boolean;
  /** Writes the whole exposition at time `now` (seconds) into `out`. */
  render(now: number, out: ExpositionWriter): void | Promise<void>;
}

export function podTargetLabels(pod: PodInfo): Record<string, string> {
  return {
    job: 'kubernetes-pods',
    cluster: pod.cluster,
    namespace: pod.namespace,
    pod: pod.name,
    container: pod.container,
    ...pod.labels,
  };
}

export function podPath(pod: PodInfo, endpoint: string): string {
  return `/clusters/${pod.cluster}/namespaces/${pod.namespace}/pods/${pod.name}${endpoint}`;
}
