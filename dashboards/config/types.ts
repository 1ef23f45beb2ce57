/**
 * What a user can change about the generated dashboards, declared once as a zod schema: the TypeScript type, the
 * defaults, the validation of meshscope.config.yaml and its published JSON Schema (meshscope.config.schema.json)
 * all come from it. Everything the query library needs to know about how a cluster is scraped lives here, because
 * real clusters do not all scrape the way Istio's sample Prometheus does.
 *
 * Every field has a default, so a partial file is a complete config; the messages say what a field must be and
 * what it got (validate.ts adds the field's path).
 */
import * as z from 'zod';
import { DASHBOARD_UID, type DashboardUid } from '../../src/dashboardUids';
import { parseMatchers } from './matchers';

export type { DashboardUid };
/** Every dashboard meshscope generates, in the generated order (the default selection). */
export const DASHBOARD_UIDS: readonly DashboardUid[] = Object.values(DASHBOARD_UID);

/** Upper bounds (ms) of Istio's default request-duration buckets: a latency objective reads exactly one of them. */
export const ISTIO_DURATION_BUCKETS_MS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
] as const;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const UID = /^[a-zA-Z0-9_-]{1,40}$/;
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A label key with an optional DNS prefix (example.com/name), as Kubernetes allows. */
const K8S_LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const K8S_LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const K8S_LABEL = new RegExp(`^${K8S_LABEL_KEY.source.slice(1, -1)}=${K8S_LABEL_VALUE.source.slice(1, -1)}$`);
const URL = /^https?:\/\/\S+$/;

/** How a value reads in a message: as it would be written in the YAML/JSON file. */
const shown = (v: unknown): string => JSON.stringify(v) ?? String(v);

/**
 * A message for values that are there but wrong. A missing value (input undefined) gets none here, so
 * validate.ts's "required" applies.
 */
const bad =
  (message: (input: unknown) => string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message(issue.input);
const expected = (what: string) => bad((input) => `must be ${what} (got ${shown(input)})`);

function text(opts: { pattern?: RegExp; what?: string; allowEmpty?: boolean } = {}) {
  const base = z.string({ error: expected(`a${opts.allowEmpty ? '' : ' non-empty'} string`) });
  const { pattern, what } = opts;
  const nonEmpty = opts.allowEmpty ? base : base.min(1, { error: expected('a non-empty string') });
  if (!pattern) {
    return nonEmpty;
  }
  const regex = opts.allowEmpty ? new RegExp(`^(?:${pattern.source.slice(1, -1)})?$`) : pattern;
  return nonEmpty.regex(regex, { error: bad((input) => `${shown(input)} is not ${what}`) });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of ${values.join(', ')}`) });
}

function num(min: number, max: number) {
  const error = expected(`a number from ${min} to ${max}`);
  return z.number({ error }).min(min, { error }).max(max, { error });
}

const bool = () => z.boolean({ error: expected('true or false') });

function list<T extends z.ZodType>(item: T, opts: { unique?: boolean; nonEmpty?: boolean } = {}) {
  let l = z.array(item, { error: expected('a list') });
  if (opts.nonEmpty) {
    l = l.min(1, { error: 'must not be empty' });
  }
  if (!opts.unique) {
    return l;
  }
  return l
    .refine((v) => new Set(v.map((x) => JSON.stringify(x))).size === v.length, {
      error: bad((input) => {
        const seen = new Set<string>();
        const twice = (input as unknown[]).map((x) => JSON.stringify(x)).filter((x) => seen.has(x) || !seen.add(x));
        return `has duplicates (got ${[...new Set(twice)].join(', ')} more than once)`;
      }),
    })
    .meta({ uniqueItems: true });
}

/** A mapping with exactly these keys; an unknown key is named with the keys there are. */
function mapping<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field (expected one of ${Object.keys(shape).join(', ')})`
        : expected('a mapping')(issue),
  });
}

/** A mapping whose absent fields take their defaults; absent altogether, it is all defaults. */
// The cast: TypeScript cannot see that every field of a generic shape has a default; DEFAULT_CONFIG below parses {}
// through every section on load, so a field without one fails at once.
const section = <S extends z.ZodRawShape>(shape: S) =>
  mapping(shape).prefault({} as z.input<ReturnType<typeof mapping<S>>>);

const labelName = text({ pattern: LABEL_NAME, what: 'a Prometheus label name' });
// Read by PromQL's grammar (matchers.ts), which no JSON Schema pattern expresses: editors check only that it is text.
/** Label matchers, or '' for none. */
const matchers = text({ allowEmpty: true }).superRefine((value, ctx) => {
  if (value.trim() === '') {
    return;
  }
  const parsed = parseMatchers(value);
  if ('problem' in parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `${shown(value)} is not PromQL label matchers such as job="kubernetes-pods", app="istiod" (${parsed.problem})`,
    });
  }
});
const uid = (allowEmpty = false) => text({ pattern: UID, what: 'a Grafana data-source uid', allowEmpty });
const url = (allowEmpty = false) => text({ pattern: URL, what: 'an http(s) URL', allowEmpty });

export const configSchema = section({
  datasource: section({
    uid: uid().default('prometheus').describe('Default of the Data source variable; users can still switch.'),
    tracesUid: uid(true).default('').describe('A Tempo or Jaeger data source uid: adds a Traces variable and links.'),
    tracesType: oneOf(['tempo', 'jaeger']).default('tempo'),
  }),
  folder: text().default('Istio').describe('Grafana folder the provisioning provider puts the dashboards in.'),
  dashboards: list(z.enum(DASHBOARD_UID, { error: expected(`one of ${DASHBOARD_UIDS.join(', ')}`) }), {
    unique: true,
    nonEmpty: true,
  })
    .default(() => [...DASHBOARD_UIDS])
    .describe('Which dashboards to generate, in this order (also the order of their header links).'),
  labels: section({
    cluster: labelName
      .default('cluster')
      .describe('Target label naming the cluster a series was scraped in (multi-cluster Prometheus, Thanos, Mimir).'),
    namespace: labelName.default('namespace').describe('Target label a Kubernetes pod scrape adds; cAdvisor has it.'),
    pod: labelName.default('pod'),
    container: labelName.default('container'),
  }).describe('Target labels your scrape config attaches.'),
  selectors: section({
    proxies: matchers.default(''),
    istiod: matchers.default('pod=~"istiod-.*"'),
    ztunnel: matchers.default('pod=~"ztunnel-.*"'),
    cadvisor: matchers.default('image!=""'),
  }).describe(
    "PromQL matchers (no braces) choosing each component's series, '' for none; joined to every selector of its metrics. The defaults name no job, so they work under any scrape config: the metric families tell proxies from istiod (istio_* traffic comes from proxies and, for L4, ztunnel), and pod names tell ztunnel and istiod (whose go_* and process_* every Go process exports) apart. cAdvisor's own series carry an image, the kubelet's /metrics/resource copies do not. Narrow with a job (job=\"…\") when other jobs scrape the same families from elsewhere."
  ),
  containers: section({
    proxy: text().default('istio-proxy'),
    istiod: text().default('discovery'),
  }).describe('Container names in cAdvisor series.'),
  ztunnelPods: text()
    .default('ztunnel-.*')
    .describe('Regex of ztunnel pod names in cAdvisor series (cAdvisor has no app label).'),
  gatewayWorkloads: text()
    .default('.*gateway.*')
    .describe('Regex of gateway workload names (source_workload of what gateways report), ingress and egress alike.'),
  thresholds: section({
    successWarning: num(0, 1).default(0.99).describe('Success ratio (0..1) under which a value turns yellow.'),
    successCritical: num(0, 1).default(0.95).describe('Success ratio (0..1) under which a value turns red.'),
    latencyWarningMs: num(0, 3_600_000).default(250).describe('Latency (ms) above which a value turns yellow.'),
    latencyCriticalMs: num(0, 3_600_000).default(1000).describe('Latency (ms) above which a value turns red.'),
    convergenceBoundsSeconds: list(num(0, 3600), { unique: true, nonEmpty: true })
      .default(() => [0.1, 0.5, 1, 3])
      .describe('Proxy convergence share bounds in seconds, shown by the Histogram view.'),
  }),
  customTelemetry: section({
    metrics: list(
      mapping({
        name: text({ pattern: METRIC_NAME, what: 'a Prometheus metric name' }).describe(
          'Full Prometheus name as the Telemetry API exposes it, e.g. istio_get_calls (counter) or istio_x (histogram base).'
        ),
        type: oneOf(['counter', 'histogram']),
        description: text(),
        unit: text().default('short'),
      }),
      { unique: true }
    ).default(() => []),
    dimensions: list(
      mapping({
        label: labelName.describe("Label added through the Telemetry API's tagOverrides, e.g. upstream_operation."),
        description: text(),
      }),
      { unique: true }
    ).default(() => []),
  }).describe('Telemetry API metrics and dimensions: panels broken down the same way as the standard metrics.'),
  recording: section({
    dashboards: bool()
      .default(false)
      .describe('Dashboards read the recorded series: the rules must be loaded in the Prometheus they query.'),
    window: text({ pattern: DURATION, what: 'a Prometheus duration such as 1m' })
      .default('1m')
      .describe('Rate window of the recorded series, a Prometheus duration; at least 4 × the scrape interval.'),
  }).describe('Recording rules (provisioning/prometheus) and whether the dashboards read their series.'),
  alerts: section({
    availabilityObjective: num(0, 0.99999)
      .default(0.999)
      .describe(
        'Share of requests (0..1) that must not fail (a 5xx, no response or a gRPC error; see src/istio/semantics.ts), per service.'
      ),
    latencyObjective: num(0, 0.99999)
      .default(0.99)
      .describe('Share of requests (0..1) that must be faster than latencyThresholdMs, per service.'),
    latencyThresholdMs: z
      .literal(ISTIO_DURATION_BUCKETS_MS, {
        error: expected(`an upper bound of Istio's request-duration buckets: ${ISTIO_DURATION_BUCKETS_MS.join(', ')}`),
      })
      .default(250)
      .describe("An upper bound of Istio's request-duration buckets, so the share is read exactly from one bucket."),
    convergenceSeconds: num(0, 3600)
      .default(1)
      .describe('p99 proxy convergence time (s) above which istiod is slow to push.'),
    runbookUrl: url(true)
      .default('')
      .describe('Base URL of the runbooks; each alert links <runbookUrl>#<alert name in lower case>. Empty: no link.'),
  }).describe('Alerting rules: service-level objectives and control-plane thresholds.'),
  install: section({
    namespace: text({ pattern: K8S_NAME, what: 'a Kubernetes namespace name' })
      .default('monitoring')
      .describe('Namespace of the ConfigMaps, monitors, rules and GrafanaDashboards.'),
    dashboardLabel: text({ pattern: K8S_LABEL_KEY, what: 'a Kubernetes label key' })
      .default('grafana_dashboard')
      .describe('Label the Grafana dashboard sidecar selects (kube-prometheus-stack: grafana_dashboard: "1").'),
    dashboardLabelValue: text({ pattern: K8S_LABEL_VALUE, what: 'a Kubernetes label value', allowEmpty: true })
      .default('1')
      .describe("Value of that label (the chart's sidecar.dashboards.labelValue)."),
    folderAnnotation: text({ pattern: K8S_LABEL_KEY, what: 'a Kubernetes annotation key' })
      .default('grafana_folder')
      .describe(
        "Annotation the sidecar reads as the dashboard's folder (the chart's sidecar.dashboards.folderAnnotation)."
      ),
    grafanaInstanceLabel: text({ pattern: K8S_LABEL, what: 'a Kubernetes label as key=value' })
      .default('dashboards=grafana')
      .describe('`key=value` label of the Grafana instance grafana-operator should put the dashboards in.'),
    prometheusUrl: url()
      .default('http://prometheus:9090')
      .describe('URL Grafana reaches Prometheus at (provisioned data source).'),
    scrapeInterval: text({ pattern: DURATION, what: 'a Prometheus duration such as 15s' })
      .default('15s')
      .describe("Scrape interval of that Prometheus: Grafana's $__rate_interval is 4 × this."),
    pluginUrl: url(true)
      .default('')
      .describe(
        "Where Grafana downloads the plugin archive (Helm `plugins:` list); empty: this version's GitHub release."
      ),
  }).describe('Where and how the provisioning files install.'),
}).meta({
  title: 'meshscope dashboards config',
  description: 'dashboards/meshscope.config.yaml: every field is optional; absent fields take the defaults shown.',
});

export type MeshscopeConfig = z.output<typeof configSchema>;

export const DEFAULT_CONFIG: MeshscopeConfig = configSchema.parse({});
