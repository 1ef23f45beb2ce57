/**
 * Queries about the mesh's own processes: istiod, proxies, ztunnel (their Go/process metrics and cAdvisor's
 * container metrics). Which scrape and which container is which comes from the config, never from hard-coded
 * pod-name regexes or `app=` labels that only Istio's sample Prometheus adds.
 */
import type { MeshscopeConfig } from '../config/types';
import { rate, selector, splitMatchers, sumBy } from './promql';

export type Component = 'proxies' | 'istiod' | 'ztunnel';

export class ComponentQueries {
  constructor(private readonly config: MeshscopeConfig) {}

  get podLabel(): string {
    return this.config.labels.pod;
  }

  private get cluster(): string {
    return `${this.config.labels.cluster}=~"$cluster"`;
  }

  /** Matchers for a component's own scrape target. */
  scrape(component: Component, ...extra: string[]): string[] {
    return [...splitMatchers(this.config.selectors[component]), this.cluster, ...extra];
  }

  /** Matchers picking a component's containers among cAdvisor's series. */
  containers(component: Component): string[] {
    const { labels, containers, ztunnelPods, selectors } = this.config;
    const which =
      component === 'istiod'
        ? [`${labels.container}="${containers.istiod}"`]
        : component === 'ztunnel'
          ? [`${labels.container}="${containers.proxy}"`, `${labels.pod}=~"${ztunnelPods}"`]
          : [`${labels.container}="${containers.proxy}"`, `${labels.pod}!~"${ztunnelPods}"`];
    return [...splitMatchers(selectors.cadvisor), this.cluster, ...which];
  }

  /** vCPU (cores) used by a component's containers, summed or grouped. */
  cpu(component: Component, by: string[] = []): string {
    return sumBy(by, rate('container_cpu_usage_seconds_total', this.containers(component)));
  }

  memory(component: Component, by: string[] = []): string {
    return sumBy(by, selector('container_memory_working_set_bytes', this.containers(component)));
  }

  /** The `n` largest pods only: per-pod panels must not grow with the mesh. */
  topPods(n: number, expr: string): string {
    return `topk(${n}, ${expr})`;
  }

  /** Gauge of a component's own metric, summed or grouped. */
  gauge(component: Component, metric: string, by: string[] = [], extra: string[] = []): string {
    return sumBy(by, selector(metric, this.scrape(component, ...extra)));
  }

  /** Per-second rate of a component's counter, summed or grouped. */
  counterRate(component: Component, metric: string, by: string[] = [], extra: string[] = []): string {
    return sumBy(by, rate(metric, this.scrape(component, ...extra)));
  }

  /** Bucket rates of a component's histogram, for the Histogram view and heatmaps. */
  buckets(component: Component, histogram: string, by: string[] = []): string {
    return sumBy(['le', ...by], rate(`${histogram}_bucket`, this.scrape(component)));
  }

  /** Running instances per Istio version and component (istio_build is 1 per process). */
  versions(components: string[]): string {
    return `count by (component, tag) (${selector('istio_build', [this.cluster, `component=~"${components.join('|')}"`])})`;
  }
}
