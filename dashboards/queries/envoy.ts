/**
 * Envoy's own stats on the proxies of one workload ($namespace/$workload): the per-cluster, per-listener and HCM stats
 * proxyStatsMatcher turns on. Envoy's series carry no workload label, only the scrape's pod labels, so a workload's
 * pods are found where Istio names them: the proxy's own istio_* series, in which it is source_workload when it
 * reports as the caller and destination_workload when it serves. That holds for every controller kind, where a
 * pod-name pattern would guess at Deployment, StatefulSet and DaemonSet naming.
 */
import type { MeshscopeConfig } from '../config/types';
import { ComponentQueries } from './components';
import { rate, RATE_WINDOW, selector, sumBy } from './promql';
import { recordedSeriesCount } from './recorded';

/** Istio's own clusters, in the default inclusion list of every sidecar: not the workload's traffic. */
export const ISTIO_CLUSTERS = 'xds-grpc|sds-grpc|agent|prometheus_stats';

/**
 * proxyStatsMatcher inclusion prefixes, by the stats they turn on. Envoy matches them against the internal stat name
 * before Istio's tag extraction (cluster.outbound|9080||reviews.default.svc.cluster.local.upstream_cx_active,
 * http.inbound_0.0.0.0_9080.downstream_rq_2xx, listener.0.0.0.0_15006.ssl.handshake), not the Prometheus name.
 */
export const CLUSTER_STATS = [
  'cluster.outbound',
  'cluster.inbound',
  'cluster.PassthroughCluster',
  'cluster.BlackHoleCluster',
];
export const HCM_STATS = ['http.inbound_', 'http.outbound_'];
export const LISTENER_STATS = ['listener.0.0.0.0_15006'];

/** Every prefix the dashboard reads, in the order the provisioning snippets list them. */
export const ENVOY_DASHBOARD_PREFIXES = [...CLUSTER_STATS, ...HCM_STATS, ...LISTENER_STATS];

/**
 * The traffic a sidecar's clusters carry, told apart by Istio's cluster names: its inbound clusters, outbound ones to
 * mesh services (Kubernetes Services, *.svc.*), to ServiceEntry hosts, and the passthrough and blackhole clusters
 * that take traffic to unknown destinations under outboundTrafficPolicy ALLOW_ANY resp. REGISTRY_ONLY.
 */
export const CLUSTER_KINDS: Record<string, string[]> = {
  inbound: ['cluster_name=~"inbound\\\\|.*"'],
  'outbound to mesh services': ['cluster_name=~"outbound\\\\|.*\\\\.svc\\\\..*"'],
  'outbound to service entries': ['cluster_name=~"outbound\\\\|.*"', 'cluster_name!~".*\\\\.svc\\\\..*"'],
  passthrough: ['cluster_name=~"PassthroughCluster|InboundPassthroughCluster"'],
  blackhole: ['cluster_name="BlackHoleCluster"'],
};

export class EnvoyQueries {
  private readonly c: ComponentQueries;

  constructor(private readonly config: MeshscopeConfig) {
    this.c = new ComponentQueries(config);
  }

  /** Labels that identify a scraped pod, on Envoy's series and the proxy's istio_* series alike. */
  private get podKey(): string[] {
    return this.c.podKey;
  }

  /** The proxy's own istio_* series, where it reports as `reporter`, naming itself `<side>_workload`. */
  private ownSeries(reporter: 'source' | 'destination', workload: string[]): string {
    return selector('{__name__=~"istio_requests_total|istio_tcp_received_bytes_total"}', [
      ...this.c.scrape('proxies'),
      `reporter="${reporter}"`,
      `${reporter}_workload_namespace="$namespace"`,
      ...workload,
    ]);
  }

  /** One series per pod of $namespace/$workload (see the file comment). */
  get workloadPods(): string {
    const own = (r: 'source' | 'destination') =>
      `group by (${this.podKey.join(', ')}) (${this.ownSeries(r, [`${r}_workload="$workload"`])})`;
    return `(${own('source')} or ${own('destination')})`;
  }

  /** Workloads of $namespace that run an Envoy proxy (sidecars, gateways, waypoints), as a `workload` label. */
  get workloads(): string {
    const named = (r: 'source' | 'destination') =>
      `label_replace(group by (${r}_workload) (${this.ownSeries(r, [])}), "workload", "$1", "${r}_workload", "(.+)")`;
    return `group by (workload) (${named('source')} or ${named('destination')})`;
  }

  /** `metric` on the workload's proxies only (the pods' namespace narrows the selector before the join). */
  private ofWorkload(series: string): string {
    return `${series} and on(${this.podKey.join(', ')}) ${this.workloadPods}`;
  }

  private matchers(extra: string[]): string[] {
    return [...this.c.scrape('proxies'), `${this.config.labels.namespace}="$namespace"`, ...extra];
  }

  /** Matchers of the proxies' scrape, cluster variable included. */
  get proxyScrape(): string[] {
    return this.c.scrape('proxies');
  }

  /**
   * A gauge of the workload's proxies, summed or grouped; `max` for what every pod sees alike (a cluster's
   * endpoints), where a sum would count it once per pod.
   */
  gauge(metric: string, by: string[] = [], extra: string[] = [], op: 'sum' | 'max' = 'sum'): string {
    const expr = this.ofWorkload(selector(metric, this.matchers(extra)));
    return op === 'sum' ? this.c.sumOncePerPod(by, expr) : `max by (${by.join(', ')}) (${expr})`;
  }

  /** Per-second rate of a counter of the workload's proxies, summed or grouped. */
  counterRate(metric: string, by: string[] = [], extra: string[] = []): string {
    return this.c.sumOncePerPod(by, this.ofWorkload(rate(metric, this.matchers(extra))));
  }

  /**
   * Upstream requests that completed over the window, per zone pair (labels from_zone, to_zone) and `by`, from Envoy's
   * per-zone stats of the workload's proxies. Istio's tag extraction leaves the zones in the metric name
   * (envoy_cluster_zone_<from>_<to>_upstream_rq_completed, `-` and `.` made `_`), and rate() drops the name, so
   * the zones are read off it first and the counter's increase is taken as a difference with the value one window
   * earlier (a reset leaves a negative difference, dropped). The name splits into two zones of as many `_`-parts
   * each (us_east1_b_us_east1_c); one that does not keeps the whole pair as from_zone and an empty to_zone.
   */
  zoneRequests(by: string[]): string {
    const sel = selector(`{__name__=~"${ZONE_STAT.replace('<pair>', '.+')}"}`, this.matchers([this.serviceClusters]));
    // One alternative per zone length; Go's regexp expands the groups of the alternatives that did not match to ''.
    const lengths = Array.from({ length: ZONE_PARTS }, (_, i) => {
      const zone = `(${Array.from({ length: i + 1 }, () => '[a-zA-Z0-9]+').join('_')})`;
      return `${zone}_${zone}`;
    });
    const split = ZONE_STAT.replace('<pair>', `(?:${lengths.join('|')})`);
    const groups = (first: number) => lengths.map((_, i) => `$${2 * i + first}`).join('');
    const zones = (x: string) =>
      `label_replace(label_replace(label_replace(${x}, "from_zone", "$1", "__name__", "${ZONE_STAT.replace('<pair>', '(.+)')}"), "from_zone", "${groups(1)}", "__name__", "${split}"), "to_zone", "${groups(2)}", "__name__", "${split}")`;
    const increase = `(${zones(sel)} - ${zones(`${sel} offset ${RATE_WINDOW}`)}) >= 0`;
    return this.c.sumOncePerPod(by, this.ofWorkload(increase));
  }

  /** Of `zoneRequests(['from_zone', 'to_zone'])`, the pairs whose two zones differ. */
  crossZone(pairs: string): string {
    // PromQL cannot compare two labels, but a join can: the same-zone pair (F, F) of each calling zone F is built and
    // the pairs matching one dropped.
    return `${pairs} unless on(from_zone, to_zone) label_replace(group by (from_zone) (${pairs}), "to_zone", "$1", "from_zone", "(.*)")`;
  }

  /** Matcher for the clusters that carry the workload's traffic (not Istio's own xds-grpc…). */
  get serviceClusters(): string {
    return `cluster_name!~"${ISTIO_CLUSTERS}"`;
  }

  /**
   * Envoy series of the workload's proxies, in total or grouped by `by` (e.g. per pod). Recorded mode sums the per-pod
   * counts the rules keep, since counting reads every series it counts.
   */
  seriesCount(by: string[] = []): string {
    const { labels, recording } = this.config;
    if (recording.dashboards) {
      const scope = [`${labels.cluster}=~"$cluster"`, `${labels.namespace}="$namespace"`];
      return sumBy(by, this.ofWorkload(selector(recordedSeriesCount('pod'), scope)));
    }
    const count = by.length === 0 ? 'count' : `count by (${by.join(', ')})`;
    return `${count} (${this.ofWorkload(selector(ENVOY_SERIES, this.matchers([])))})`;
  }

  /** All series the mesh's proxies export (istio_* and envoy_*), in the selected clusters. */
  proxySeriesCount(): string {
    if (this.config.recording.dashboards) {
      return sumBy([], selector(recordedSeriesCount('cluster'), [`${this.config.labels.cluster}=~"$cluster"`]));
    }
    return `count(${selector(PROXY_SERIES, this.c.scrape('proxies'))})`;
  }

  /** The recording rules behind recorded mode's series counts: record name → expression. */
  seriesCountRules(): Record<string, string> {
    const scrape = this.c.scrape('proxies').filter((m) => !m.includes('$cluster'));
    return {
      [recordedSeriesCount('pod')]: `count by (${this.podKey.join(', ')}) (${selector(ENVOY_SERIES, scrape)})`,
      [recordedSeriesCount('cluster')]: `count by (${this.config.labels.cluster}) (${selector(PROXY_SERIES, scrape)})`,
    };
  }
}

/** Envoy's per-zone completed-requests stat as Istio's Prometheus names it, `<pair>` the two zones. */
const ZONE_STAT = 'envoy_cluster_zone_<pair>_upstream_rq_completed';
/**
 * Most `_`-parts a zone name has once sanitised: cloud zones have up to three (us_east1_b, us_east_1a, eastus_1,
 * europe_west4_a).
 */
const ZONE_PARTS = 3;

/**
 * Envoy's zone-aware routing counters (cluster.<c>.lb_zone_*): the decisions of a load balancer with a local
 * cluster. Istio's bootstrap sets none, so they move only where an EnvoyFilter configures one.
 */
export const ZONE_ROUTING: Record<string, string> = {
  'all directly': 'envoy_cluster_lb_zone_routing_all_directly',
  sampled: 'envoy_cluster_lb_zone_routing_sampled',
  'cross zone': 'envoy_cluster_lb_zone_routing_cross_zone',
  'cluster too small': 'envoy_cluster_lb_zone_cluster_too_small',
  'no capacity left': 'envoy_cluster_lb_zone_no_capacity_left',
  'zone number differs': 'envoy_cluster_lb_zone_number_differs',
  'local cluster not ok': 'envoy_cluster_lb_local_cluster_not_ok',
};

/** Every Envoy stat of a proxy scrape. */
export const ENVOY_SERIES = '{__name__=~"envoy_.+"}';
/** Every series a proxy scrape holds that Istio makes: pilot-agent's and the istio.stats filter's istio_*, Envoy's. */
export const PROXY_SERIES = '{__name__=~"envoy_.+|istio_.+"}';
