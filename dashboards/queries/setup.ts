/**
 * The Setup check's queries: what this Prometheus scrapes of the mesh and what it lacks, each finding one series
 * whose labels say what was found and what fixes it (label_replace adds them as constant labels). A query returns
 * no series when there is nothing to find, so the panel shows its "nothing found" text.
 *
 * Components are found through the config's selectors (ComponentQueries) and told apart by what their series carry:
 * istio_build's component label (one series per process: pilot, proxy, ztunnel), a proxy's own reports (waypoints
 * report as reporter="waypoint", gateways as callers named like gatewayWorkloads) and cAdvisor's containers.
 */
import { REQUEST_DURATION, REQUESTS } from '../../src/istio/semantics';
import type { MeshscopeConfig } from '../config/types';
import { type Component, ComponentQueries } from './components';
import { ISTIO_CLUSTERS } from './envoy';
import { LE_SPELLING, leRegexMatcher } from './le';
import { selector, sumBy } from './promql';

/** istio_build's `component` label per component: each process exports one series. */
const BUILD_COMPONENT: Record<Component, string> = { istiod: 'pilot', proxies: 'proxy', ztunnel: 'ztunnel' };
export const COMPONENTS: readonly Component[] = ['istiod', 'proxies', 'ztunnel'];

/** Families the dashboards read from each component; a component scraped without them lost them to a drop rule. */
export const EXPECTED_FAMILIES: Record<Component | 'cadvisor', readonly string[]> = {
  istiod: ['pilot_xds', 'pilot_xds_pushes', 'pilot_proxy_convergence_time_bucket'],
  proxies: [REQUESTS, `${REQUEST_DURATION}_bucket`],
  ztunnel: ['istio_xds_message_total', 'workload_manager_active_proxy_count'],
  cadvisor: ['container_cpu_usage_seconds_total', 'container_memory_working_set_bytes'],
};

const CADVISOR_FAMILY = 'container_cpu_usage_seconds_total';
/** A rate needs two samples in its window; under three, one failed scrape empties it. */
export const MIN_SAMPLES = 3;

/** `expr` with constant labels added, for a finding's text columns. Values are PromQL string literals. */
export function withLabels(expr: string, labels: Record<string, string>): string {
  return Object.entries(labels).reduce(
    (e, [name, value]) => `label_replace(${e}, "${name}", ${JSON.stringify(value)}, "", "")`,
    expr
  );
}

const or = (parts: string[]) => parts.map((p) => `(${p})`).join(' or ');

export class SetupQueries {
  private readonly c: ComponentQueries;

  constructor(private readonly config: MeshscopeConfig) {
    this.c = new ComponentQueries(config);
  }

  private get labels() {
    return this.config.labels;
  }

  /** Labels telling one scraped pod from another; two jobs scraping it give two series with the same key. */
  private get podKey(): string {
    const { cluster, namespace, pod } = this.labels;
    return `${cluster}, ${namespace}, ${pod}`;
  }

  private get cluster(): string {
    return `${this.labels.cluster}=~"$cluster"`;
  }

  /** One series per scrape target of the component, through its selector. */
  build(component: Component, extra: string[] = []): string {
    return selector('istio_build', this.c.scrape(component, `component="${BUILD_COMPONENT[component]}"`, ...extra));
  }

  /** One series per target exporting the component's istio_build, whatever the job: what the selector may miss. */
  private anyBuild(component: Component, extra: string[] = []): string {
    return selector('istio_build', [this.cluster, `component="${BUILD_COMPONENT[component]}"`, ...extra]);
  }

  /** cAdvisor's CPU series of the mesh's containers (istio-proxy, discovery), through the cAdvisor selector. */
  private cadvisor(extra: string[] = [], scrape = this.c.cadvisorScrape()): string {
    const { container } = this.labels;
    const { proxy, istiod } = this.config.containers;
    return selector(CADVISOR_FAMILY, [...scrape, `${container}=~"${proxy}|${istiod}"`, ...extra]);
  }

  /**
   * The `up` series of the cAdvisor targets `series` comes from. Not their own labels: cAdvisor's series name the
   * container's pod, and scrapes through the API server's node proxy give every node the same instance. `up` is
   * chosen by the series alone, since the cAdvisor selector may name a label only the series carry (image).
   */
  private cadvisorTargets(series = this.cadvisor()): string {
    return `${selector('up', [this.cluster])} and on(job, instance, metrics_path, ${this.labels.cluster}) ${series}`;
  }

  private get anyCadvisor(): string {
    return this.cadvisor([], [this.cluster]);
  }

  /** Pods whose proxy reports as `reporter`, narrowed by `extra`. */
  private reporting(reporter: string, extra: string[] = []): string {
    const series = selector('{__name__=~"istio_requests_total|istio_tcp_sent_bytes_total"}', [
      ...this.c.scrape('proxies'),
      `reporter="${reporter}"`,
      ...extra,
    ]);
    return `group by (${this.podKey}) (${series})`;
  }

  private get waypoints(): string {
    return this.reporting('waypoint');
  }

  private get gateways(): string {
    return this.reporting('source', [`source_workload=~"${this.config.gatewayWorkloads}"`]);
  }

  /** Targets per component and job: istiod, sidecars, gateways, waypoints, ztunnel, cAdvisor. */
  inventory(): string {
    const proxies = this.build('proxies');
    const on = `on(${this.podKey})`;
    const rows: Record<string, string> = {
      istiod: this.build('istiod'),
      sidecars: `${proxies} unless ${on} (${this.gateways} or ${this.waypoints})`,
      gateways: `(${proxies} and ${on} ${this.gateways}) unless ${on} ${this.waypoints}`,
      waypoints: `${proxies} and ${on} ${this.waypoints}`,
      ztunnel: this.build('ztunnel'),
      cAdvisor: this.cadvisorTargets(),
    };
    return or(Object.entries(rows).map(([component, expr]) => withLabels(`count by (job) (${expr})`, { component })));
  }

  /**
   * Components the selectors find nothing of: scraped under a job the selector does not match (per cluster and
   * job), or not scraped at all although cAdvisor sees their containers running (per cluster). istiod and the
   * proxies are always expected; ztunnel only where cAdvisor sees ztunnel pods.
   */
  missingComponents(): string {
    const { cluster } = this.labels;
    const rows = COMPONENTS.flatMap((component) => {
      const field = `selectors.${component}`;
      const elsewhere = withLabels(
        `count by (${cluster}, job) (${this.anyBuild(component)}) unless on(${cluster}) count by (${cluster}) (${this.build(component)})`,
        { component, problem: `scraped, but ${field} matches none of its targets in this cluster`, fix: field }
      );
      const running = `count by (${cluster}) (group by (${cluster}, ${this.labels.pod}) (${selector('container_memory_working_set_bytes', this.c.containers(component))}))`;
      // Targets without the cluster label cannot be told apart by cluster: the missing-label finding covers them.
      const perCluster = `(${running} unless on(${cluster}) count by (${cluster}) (${this.anyBuild(component)})) unless on() count(${this.anyBuild(component, [`${cluster}=""`])})`;
      const nowhere = `vector(0) unless on() count(${this.anyBuild(component)})`;
      const notScraped = withLabels(component === 'ztunnel' ? perCluster : `${perCluster} or (${nowhere})`, {
        component,
        problem: 'not scraped: no target exports its metrics (the value: its pods cAdvisor sees running)',
        fix: `a scrape job for its pods (port ${component === 'proxies' ? '15090 /stats/prometheus or 15020' : '15014'} /metrics), then ${field}`,
      });
      return [elsewhere, notScraped];
    });
    const anyCadvisor = this.anyCadvisor;
    const cadvisor = [
      withLabels(`count by (job) (${this.cadvisorTargets(anyCadvisor)}) unless on() count(${this.cadvisor()})`, {
        component: 'cAdvisor',
        problem: 'scraped, but selectors.cadvisor matches none of its targets',
        fix: 'selectors.cadvisor',
      }),
      withLabels(`vector(0) unless on() count(${anyCadvisor})`, {
        component: 'cAdvisor',
        problem: "not scraped: no cAdvisor series of the mesh's containers (CPU and memory panels stay empty)",
        fix: "a scrape job for the kubelets' /metrics/cadvisor, then selectors.cadvisor",
      }),
    ];
    return or([...rows, ...cadvisor]);
  }

  /** Targets of each component (and cAdvisor's mesh containers) without the cluster, namespace or pod label. */
  missingLabels(): string {
    const rows = Object.entries(this.labels)
      .filter(([key]) => key !== 'container')
      .flatMap(([key, label]) => {
        const tags = (component: string) => ({
          component,
          label,
          fix: `labels.${key} if your setup names it otherwise; else add it to the job (relabel_configs target_label: ${label})`,
        });
        return [
          ...COMPONENTS.map((component) =>
            withLabels(`count by (job) (${this.build(component, [`${label}=""`])})`, tags(component))
          ),
          withLabels(`count by (job) (${this.cadvisorTargets(this.cadvisor([`${label}=""`]))})`, tags('cAdvisor')),
        ];
      });
    return or(rows);
  }

  /** Families the dashboards read that a scraped component does not export (dropped by a relabel rule, say). */
  missingFamilies(): string {
    const rows = Object.entries(EXPECTED_FAMILIES).flatMap(([component, families]) => {
      const present = component === 'cadvisor' ? this.cadvisor() : this.build(component as Component);
      const scrape = component === 'cadvisor' ? this.c.cadvisorScrape() : this.c.scrape(component as Component);
      return families.map((family) =>
        withLabels(`count(${present}) unless on() count(${selector(family, scrape)})`, {
          component: component === 'cadvisor' ? 'cAdvisor' : component,
          family,
          fix: 'metric_relabel_configs dropping it, or a Telemetry API / meshConfig setting disabling it',
        })
      );
    });
    return or(rows);
  }

  /**
   * Pods of a component that two jobs (or one job on two ports) scrape, per job: the value is such pods the job
   * scrapes. Found whatever the selector: narrowed to one job, it keeps the totals right but not the doubled series.
   */
  doubleScraped(): string {
    const rows = COMPONENTS.map((component) => {
      const build = this.anyBuild(component);
      const twice = `count by (${this.podKey}) (${build}) > 1`;
      return withLabels(`count by (job) (${build} and on(${this.podKey}) (${twice}))`, {
        component,
        fix: `scrape each pod in one job (drop it from the others), or narrow selectors.${component} to one job`,
      });
    });
    // cAdvisor: the targets whose mesh containers another job scrapes too (their series are per container).
    const { namespace, pod, container } = this.labels;
    const each = `${namespace}, ${pod}, ${container}`;
    const jobs = `count by (${each}) (count by (${each}, job) (${this.anyCadvisor})) > 1`;
    const cadvisor = withLabels(
      `count by (job) (${this.cadvisorTargets(`(${this.anyCadvisor} and on(${each}) (${jobs}))`)})`,
      {
        component: 'cAdvisor',
        fix: 'scrape each kubelet in one job (drop the others), or narrow selectors.cadvisor to one job',
      }
    );
    return or([...rows, cadvisor]);
  }

  /**
   * Per component and job, the fewest samples a target has in the dashboards' rate window ($__rate_interval) and in
   * the recording rules' window, where under MIN_SAMPLES. Targets younger than the window are not judged.
   */
  rateWindows(): string {
    const windows = [
      {
        window: '$__rate_interval',
        what: 'dashboards ($__rate_interval)',
        fix: "install.scrapeInterval = this job's scrape interval (Grafana's rate window is 4 × it), or a shorter scrape_interval",
      },
      {
        window: this.config.recording.window,
        what: `recording rules (recording.window ${this.config.recording.window})`,
        fix: "recording.window ≥ 4 × this job's scrape interval, or a shorter scrape_interval",
      },
    ];
    const series: Record<string, string> = {
      ...Object.fromEntries(COMPONENTS.map((component) => [component, this.build(component)])),
      cAdvisor: this.cadvisor(),
    };
    const rows = windows.flatMap(({ window, what, fix }) =>
      Object.entries(series).map(([component, s]) =>
        withLabels(`min by (job) ((count_over_time(${s}[${window}]) and ${s} offset ${window}) < ${MIN_SAMPLES})`, {
          component,
          window: what,
          fix,
        })
      )
    );
    return or(rows);
  }

  /** Configured Telemetry API metrics and dimensions that no proxy exports. */
  customTelemetry(): string | undefined {
    const { metrics, dimensions } = this.config.customTelemetry;
    const proxies = this.c.scrape('proxies');
    const rows = [
      ...metrics.map((m, i) =>
        withLabels(
          `vector(1) unless on() count(${selector(m.type === 'histogram' ? `${m.name}_bucket` : m.name, proxies)})`,
          {
            metric: m.name,
            fix: `customTelemetry.metrics[${i}].name, or the Telemetry API resource that should add it`,
          }
        )
      ),
      ...dimensions.map((d, i) =>
        withLabels(`vector(1) unless on() count(${selector(REQUESTS, [...proxies, `${d.label}!=""`])})`, {
          metric: `${REQUESTS} label ${d.label}`,
          fix: `customTelemetry.dimensions[${i}].label, or the Telemetry API tagOverrides that should add it`,
        })
      ),
    ];
    return rows.length === 0 ? undefined : or(rows);
  }

  /**
   * Bucket bounds of the request-duration histogram per spelling of `le`: Prometheus 2 keeps the exposition's
   * ("250"), Prometheus 3 normalises integers to floats ("250.0", "1.8e+06"). Both at once: the range spans an
   * upgrade or two writers.
   */
  bucketSpelling(): string {
    const bucket = (le: string) =>
      `group by (le) (${selector(`${REQUEST_DURATION}_bucket`, [...this.c.scrape('proxies'), leRegexMatcher(le)])})`;
    const spellings = {
      'as exposed (Prometheus 2): le="250"': LE_SPELLING.exposed,
      'normalised (Prometheus 3): le="250.0"': LE_SPELLING.normalised,
    };
    return `count by (spelling) (${or(Object.entries(spellings).map(([spelling, le]) => withLabels(bucket(le), { spelling })))})`;
  }

  /** The workload each proxy pod belongs to, as its own reports name it (Envoy's series carry no workload label). */
  private get podWorkload(): string {
    const named = (r: 'source' | 'destination') =>
      `label_replace(${selector(REQUESTS, [...this.c.scrape('proxies'), `reporter="${r}"`])}, "workload", "$1", "${r}_workload", "(.+)")`;
    return `group by (${this.podKey}, workload) (${named('source')} or ${named('destination')})`;
  }

  /** Pods exporting Envoy stats beyond Istio's defaults: upstream clusters of their own, HTTP or listener stats. */
  private get extendedPods(): string {
    const scrape = this.c.scrape('proxies');
    const clusters = selector('{__name__=~"envoy_cluster_.+"}', [
      ...scrape,
      'cluster_name!=""',
      `cluster_name!~"${ISTIO_CLUSTERS}"`,
    ]);
    const hcm = selector('{__name__=~"envoy_http_.+|envoy_listener_.+"}', [
      ...scrape,
      '__name__!~"envoy_listener_manager_.+"',
    ]);
    return `group by (${this.podKey}) (${clusters} or ${hcm})`;
  }

  /** Per workload with proxyStatsMatcher on: how many of its pods export extended stats, or their Envoy series. */
  extendedStats(what: 'pods' | 'series'): string {
    const { namespace } = this.labels;
    const perPod =
      what === 'pods'
        ? this.extendedPods
        : `count by (${this.podKey}) (${selector('{__name__=~"envoy_.+"}', this.c.scrape('proxies'))} and on(${this.podKey}) ${this.extendedPods})`;
    const byWorkload = `${perPod} * on(${this.podKey}) group_left(workload) ${this.podWorkload}`;
    return what === 'pods'
      ? `count by (${namespace}, workload) (${byWorkload})`
      : sumBy([namespace, 'workload'], byWorkload);
  }
}
