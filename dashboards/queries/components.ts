/**
 * Queries about the mesh's own processes: istiod, proxies, ztunnel (their Go/process metrics and cAdvisor's
 * container metrics). Which scrape and which container is which comes from the config, never from hard-coded
 * pod-name regexes or `app=` labels that only Istio's sample Prometheus adds.
 *
 * Recorded mode (config.recording.dashboards): each aggregation over many series is read from a series a recording
 * rule keeps per cluster and per the labels the panel groups by, named `<level>:<metric>:<operation>` (level: the
 * component and those labels). The queries register each rule in `recordings` as the dashboards are built and the
 * rules file is written from there, so a dashboard never reads a series no rule records.
 */
import type { MeshscopeConfig } from '../config/types';
import { oncePerPod, rate, selector, splitMatchers, sumBy } from './promql';

export type Component = 'proxies' | 'istiod' | 'ztunnel';

interface Aggregation {
  /** The component, or '' for series across components. */
  level: string;
  metric: string;
  op: 'sum' | 'count' | 'rate';
  by: string[];
  /** The series aggregated, with extra matchers: `rate(...)` over `$__rate_interval` for op rate, else a selector. */
  series: (extra: string[]) => string;
  /** Matchers on labels in `by`, applied to the recorded series so one rule serves several panels. */
  filter?: string[];
  scope?: PodScope;
}

/**
 * Some pods of a component, e.g. the proxies running a Wasm extension. `matchers` take the pod names from a variable
 * (read through the label API on load), so Prometheus reads only those pods' series; `and on` the `present` series
 * then keeps exactly the pods that have them, so a pod of the same name in another namespace cannot slip in.
 */
export interface PodScope {
  matchers: string[];
  present: string;
}

/**
 * A metric's recorded name when extra matchers select some of its series: their values appended
 * (`envoy_cluster_upstream_cx_active` with `cluster_name="xds-grpc"` → `envoy_cluster_upstream_cx_active_xds_grpc`),
 * so the name does not claim the whole metric.
 */
function qualified(metric: string, extra: string[]): string {
  const values = extra.map((m) => /"(.*)"$/.exec(m)?.[1] ?? m);
  return [metric.replace(/_total$/, ''), ...values].join('_').replace(/[^A-Za-z0-9_]+/g, '_');
}

export class ComponentQueries {
  /** Recorded mode: rule expressions by recorded name, still holding `$cluster` and `$__rate_interval`. */
  readonly recordings = new Map<string, string>();

  constructor(private readonly config: MeshscopeConfig) {}

  private aggregate(a: Aggregation): string {
    const { recording, labels } = this.config;
    // Each pod once, however many jobs scrape it (oncePerPod), in raw queries and rules alike.
    const over = (by: string[], expr: string) => {
      const sum = this.sumOncePerPod(by, expr);
      return a.op === 'count' ? `count${sum.slice('sum'.length)}` : sum;
    };
    if (a.scope) {
      // A few pods' series, read raw: a rule over every pod could not be narrowed to them, one per scope would not pay.
      return over(
        a.by,
        `${a.series([...(a.filter ?? []), ...a.scope.matchers])} and on (${this.podKey.join(', ')}) ${a.scope.present}`
      );
    }
    // A gauge per pod is as many series recorded as raw: a rule would not pay for itself.
    if (!recording.dashboards || (a.op === 'sum' && a.by.includes(labels.pod))) {
      return over(a.by, a.series(a.filter ?? []));
    }
    const op = a.op === 'rate' ? `rate${recording.window}` : a.op;
    const name = `${[a.level, ...a.by].filter((x) => x !== '').join('_')}:${a.metric.replace(/_total$/, '')}:${op}`;
    const expr = over([labels.cluster, ...a.by], a.series([]));
    const known = this.recordings.get(name);
    if (known !== undefined && known !== expr) {
      throw new Error(`${name} would be recorded from two expressions: ${known} and ${expr}`);
    }
    this.recordings.set(name, expr);
    return sumBy(a.by, selector(name, [this.cluster, ...(a.filter ?? [])]));
  }

  get podLabel(): string {
    return this.config.labels.pod;
  }

  private get cluster(): string {
    return `${this.config.labels.cluster}=~"$cluster"`;
  }

  /** Labels naming a pod, on a component's own series and on cAdvisor's alike. */
  get podKey(): string[] {
    const { labels } = this.config;
    return [labels.cluster, labels.namespace, labels.pod];
  }

  /** `sum by (by)` of `expr`, each pod counted once however many jobs scrape it. */
  sumOncePerPod(by: string[], expr: string): string {
    return sumBy(by, oncePerPod(this.podKey, by, expr));
  }

  /** Matchers for a component's own scrape target. */
  scrape(component: Component, ...extra: string[]): string[] {
    return [...splitMatchers(this.config.selectors[component]), this.cluster, ...extra];
  }

  /** Matchers for cAdvisor's scrape, cluster variable included. */
  cadvisorScrape(): string[] {
    return [...splitMatchers(this.config.selectors.cadvisor), this.cluster];
  }

  /** Matchers picking a component's containers among cAdvisor's series. */
  containers(component: Component): string[] {
    const { labels, containers, ztunnelPods } = this.config;
    const which =
      component === 'istiod'
        ? [`${labels.container}="${containers.istiod}"`]
        : component === 'ztunnel'
          ? [`${labels.container}="${containers.proxy}"`, `${labels.pod}=~"${ztunnelPods}"`]
          : [`${labels.container}="${containers.proxy}"`, `${labels.pod}!~"${ztunnelPods}"`];
    return [...this.cadvisorScrape(), ...which];
  }

  /** Sum (or rate, then sum) of a metric's series that `matchers` select, grouped by `by`. */
  private summed(
    component: Component,
    metric: string,
    op: 'sum' | 'rate',
    by: string[],
    matchers: string[],
    recordedAs = metric,
    scope?: PodScope
  ): string {
    return this.aggregate({
      level: component,
      metric: recordedAs,
      op,
      by,
      series: (x) => (op === 'rate' ? rate : selector)(metric, [...matchers, ...x]),
      scope,
    });
  }

  /** vCPU (cores) used by a component's containers (`scope`: some of its pods only), summed or grouped. */
  cpu(component: Component, by: string[] = [], scope?: PodScope): string {
    const metric = 'container_cpu_usage_seconds_total';
    return this.summed(component, metric, 'rate', by, this.containers(component), metric, scope);
  }

  memory(component: Component, by: string[] = [], scope?: PodScope): string {
    const metric = 'container_memory_working_set_bytes';
    return this.summed(component, metric, 'sum', by, this.containers(component), metric, scope);
  }

  /** The `n` largest pods only: per-pod panels must not grow with the mesh. */
  topPods(n: number, expr: string): string {
    return `topk(${n}, ${expr})`;
  }

  /** Gauge of a component's own metric, summed or grouped. */
  gauge(component: Component, metric: string, by: string[] = [], extra: string[] = []): string {
    return this.summed(component, metric, 'sum', by, this.scrape(component, ...extra), qualified(metric, extra));
  }

  /** Per-second rate of a component's counter, summed or grouped. */
  counterRate(component: Component, metric: string, by: string[] = [], extra: string[] = []): string {
    return this.summed(component, metric, 'rate', by, this.scrape(component, ...extra), qualified(metric, extra));
  }

  /** Bucket rates of a component's histogram, for the Histogram view and heatmaps. */
  buckets(component: Component, histogram: string, by: string[] = []): string {
    return this.summed(component, `${histogram}_bucket`, 'rate', ['le', ...by], this.scrape(component));
  }

  /** Running instances per Istio version and component (istio_build is 1 per process). */
  versions(components: string[]): string {
    return this.aggregate({
      level: '',
      metric: 'istio_build',
      op: 'count',
      by: ['component', 'tag'],
      series: (x) => selector('istio_build', [this.cluster, ...x]),
      filter: [`component=~"${components.join('|')}"`],
    });
  }
}
