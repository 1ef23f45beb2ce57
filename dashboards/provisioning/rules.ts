/**
 * Prometheus rules, written both as a plain rules file and inside a PrometheusRule. The traffic expressions are the
 * dashboards' own queries (same reporter de-duplication, scrape selectors and label names) with Grafana's variables
 * bound as "All" and a fixed window, so an alert and the panel a user opens from it count the same requests.
 */
import type { MeshscopeConfig } from '../config/types';
import { ComponentQueries } from '../queries/components';
import { errorDefinitionText } from '../../src/istio/semantics';
import { EnvoyQueries } from '../queries/envoy';
import { IstioQueries, type Traffic } from '../queries/istio';
import { podLabels, recordedMetrics, recordedName } from '../queries/recorded';
import { selector, splitMatchers } from '../queries/promql';
import { componentRecordings } from '../registry';

export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: Rule[];
}

/** Window of the control-plane alerts: long enough to hold 4 scrapes at a 60 s interval. */
const CONTROL_PLANE_WINDOW = '5m';

/**
 * The duration each window and `for` of the rules is given, from the one written here. The shipped rules use them as
 * written; the end-to-end alert tests pass seconds instead of minutes and hours, so the rules they run are these.
 */
export type Durations = (written: string) => string;
const AS_WRITTEN: Durations = (d) => d;

const UNITS: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };
/** "10m" → "10 minutes", for annotations that state a `for`. */
function spelled(duration: string): string {
  const m = /^(\d+)([smhd])$/.exec(duration);
  if (!m) {
    throw new Error(`a rule duration must be a number and one of s, m, h, d: ${duration}`);
  }
  return `${m[1]} ${UNITS[m[2]]}${m[1] === '1' ? '' : 's'}`;
}

/**
 * The Site Reliability Workbook's multi-window, multi-burn-rate pairs for a 30-day objective: a burn rate `factor`
 * spends the month's budget in 30 / factor days; the short window ends the alert soon after the burn stops.
 */
const BURNS = [
  { long: '1h', short: '5m', factor: 14.4, speed: 'Fast' },
  { long: '6h', short: '30m', factor: 6, speed: 'Fast' },
  { long: '1d', short: '2h', factor: 3, speed: 'Slow' },
  { long: '3d', short: '6h', factor: 1, speed: 'Slow' },
] as const;
const SLO_WINDOWS = [...new Set(BURNS.flatMap((b) => [b.short, b.long]))];

/**
 * A cluster named in an annotation: the alert's own label where the evaluator sees every cluster (Thanos, Mimir,
 * vmalert over a central store); a cluster's own Prometheus has the name only in its external_labels, which it adds
 * to alerts after their annotations are rendered.
 */
const clusterName = (label: string) => `{{ with $labels.${label} }}{{ . }}{{ else }}{{ $externalLabels.${label} }}{{ end }}`;

/** Grafana's variables bound as for "All", `$__rate_interval` as `window`. */
function bind(expr: string, window: string): string {
  const bound = expr.replace(/\$__rate_interval/g, window).replace(/\$cluster\b/g, '.*');
  if (bound.includes('$')) {
    throw new Error(`a rule expression still holds a Grafana variable: ${bound}`);
  }
  return bound;
}

const decimal = (n: number) => String(Number(n.toPrecision(6)));
const percent = (share: number) => `${decimal(share * 100)} %`;

function annotations(config: MeshscopeConfig, alert: string, summary: string, description: string, runbook: string): Record<string, string> {
  const base = config.alerts.runbookUrl;
  return base === '' ? { summary, description, runbook } : { summary, description, runbook, runbook_url: `${base}#${alert.toLowerCase()}` };
}

/**
 * What the dashboards read in recorded mode, in one group so every series is evaluated at the same instant (a panel
 * may combine both kinds): per-workload rates of every Istio counter, without the labels that tell pods apart, and
 * the mesh components' series (istiod, proxies, ztunnel) aggregated per cluster and per what their panels group by.
 * ztunnel's Istio series keep their pod: its name is what tells ztunnel's istio_tcp_* from the proxies'
 * (selectors.ztunnel), and there is one ztunnel per node, not per workload pod.
 */
function dashboardsGroup(config: MeshscopeConfig): RuleGroup {
  const { window } = config.recording;
  const drop = podLabels(config);
  const scoped = (m: string, scope: 'proxies' | 'ztunnel') => `rate(${selector(m, splitMatchers(config.selectors[scope]))}[${window}])`;
  const without = (labels: string[], expr: string) => `sum without (${labels.join(', ')}) (${expr})`;
  const workload = recordedMetrics(config).map((m) => ({
    record: recordedName(m, window),
    expr: `${without(drop, `${scoped(m, 'proxies')} unless ${scoped(m, 'ztunnel')}`)} or ${without(
      drop.filter((l) => l !== config.labels.pod),
      scoped(m, 'ztunnel'),
    )}`,
  }));
  const components = [...componentRecordings(config)].map(([record, expr]) => ({ record, expr: bind(expr, window) }));
  return { name: 'meshscope.dashboards', rules: [...workload, ...components] };
}

/** Envoy series counts for the Envoy dashboard's cost panels (see EnvoyQueries.seriesCount). */
function envoyGroup(config: MeshscopeConfig): RuleGroup {
  return {
    name: 'meshscope.envoy-series',
    rules: Object.entries(new EnvoyQueries(config).seriesCountRules()).map(([record, expr]) => ({ record, expr })),
  };
}

interface Sli {
  /** Recorded as `service:<name>:ratio_rate<window>`: the share of requests that spend the budget. */
  name: string;
  objective: number;
  alert: string;
  what: string;
  bad: (q: IstioQueries, t: Traffic) => string;
  runbook: string;
}

function slis(config: MeshscopeConfig): Sli[] {
  const { availabilityObjective, latencyObjective, latencyThresholdMs } = config.alerts;
  return [
    {
      name: 'istio_request_errors',
      objective: availabilityObjective,
      alert: 'MeshscopeServiceErrorBudgetBurn',
      what: `failed (${errorDefinitionText()})`,
      bad: (q, t) => q.errorRatio(t),
      runbook: 'Open Istio Service for this service: "Requests by serving workload and response code" shows which workload answers 5xx or 0 (no response), "by caller" whether one caller is affected; gRPC failures answer 200 with a grpc_response_status other than 0; response_flags UH/UF mean no healthy upstream.',
    },
    {
      name: 'istio_request_slow',
      objective: latencyObjective,
      alert: 'MeshscopeServiceLatencyBudgetBurn',
      what: `took longer than ${latencyThresholdMs} ms`,
      bad: (q, t) => `1 - (${q.fasterThan(latencyThresholdMs, t)})`,
      runbook: 'Open Istio Service for this service: "Latency by serving workload" shows whether one workload or all are slow; compare with its outbound latency on Istio Workload to find a slow dependency.',
    },
  ];
}

const sloRecord = (sli: Sli, window: string) => `service:${sli.name}:ratio_rate${window}`;

/** Server-side (destination, else waypoint) ratios per service and cluster at every window the burn alerts read. */
function serviceGroup(config: MeshscopeConfig, raw: IstioQueries, durations: Durations): RuleGroup {
  const t: Traffic = { side: 'server', by: [config.labels.cluster, 'destination_service'] };
  return {
    name: 'meshscope.service-slo',
    rules: slis(config).flatMap((sli) =>
      SLO_WINDOWS.map(durations).map((w) => ({ record: sloRecord(sli, w), expr: bind(sli.bad(raw, t), w) })),
    ),
  };
}

function burnAlerts(config: MeshscopeConfig, durations: Durations): Rule[] {
  const cluster = clusterName(config.labels.cluster);
  return slis(config).flatMap((sli) =>
    (['Fast', 'Slow'] as const).map((speed) => {
      const budget = 1 - sli.objective;
      const pairs = BURNS.filter((b) => b.speed === speed).map((b) => ({ ...b, long: durations(b.long), short: durations(b.short) }));
      const expr = pairs.map((b) => `(${sloRecord(sli, b.long)} > ${decimal(b.factor * budget)} and ${sloRecord(sli, b.short)} > ${decimal(b.factor * budget)})`).join(' or ');
      const days = decimal(30 / pairs[0].factor);
      const alert = `${sli.alert}${speed}`;
      return {
        alert,
        expr,
        labels: { severity: speed === 'Fast' ? 'critical' : 'warning' },
        annotations: annotations(
          config,
          alert,
          `{{ $labels.destination_service }}: requests that ${sli.what} are spending the ${percent(sli.objective)} objective's budget ${speed === 'Fast' ? 'fast' : 'steadily'}`,
          `{{ $value | humanizePercentage }} of the requests to {{ $labels.destination_service }} (cluster ${cluster}) ${sli.what} over ${pairs.map((b) => `${b.long} and ${b.short}`).join(', or over ')}; the objective allows ${percent(budget)}. At this rate a 30-day budget lasts ${days} days or less.`,
          sli.runbook,
        ),
      };
    }),
  );
}

function controlPlaneAlerts(config: MeshscopeConfig, durations: Durations): Rule[] {
  const c = new ComponentQueries(config);
  const cl = config.labels.cluster;
  const cluster = clusterName(cl);
  const window = durations(CONTROL_PLANE_WINDOW);
  const w = (expr: string) => bind(expr, window);
  const up = (component: 'proxies' | 'istiod' | 'ztunnel') => `up{${c.scrape(component).join(', ')}}`;
  const rule = (alert: string, expr: string, forDuration: string, severity: string, summary: string, description: string, runbook: string): Rule => ({
    alert,
    expr,
    for: durations(forDuration),
    labels: { severity },
    annotations: annotations(config, alert, summary, description, runbook),
  });
  return [
    rule(
      'MeshscopeIstiodPushErrors',
      `${w(c.counterRate('istiod', '{__name__=~"pilot_xds_pushes|pilot_total_xds_internal_errors"}', [cl], ['type=~"(.+_senderr)?"']))} > 0`,
      '10m',
      'warning',
      `istiod in cluster ${cluster} fails to send or build xDS pushes`,
      `istiod reports {{ $value | humanize }} failed xDS sends or internal errors per second (pilot_xds_pushes{type=~".*_senderr"}, pilot_total_xds_internal_errors) over ${window}, for ${spelled(durations('10m'))}: proxies keep stale configuration.`,
      'Istio Control Plane › Push errors and rejects; then istiod logs ("failed to send", "internal error"). Send errors usually mean proxies disconnecting (rollouts, OOM-killed sidecars); internal errors are istiod bugs worth an issue.',
    ),
    rule(
      'MeshscopeIstiodXdsRejects',
      `${w(c.counterRate('istiod', 'pilot_total_xds_rejects', [cl, 'type']))} > 0`,
      '10m',
      'warning',
      `Proxies in cluster ${cluster} reject {{ $labels.type }} configuration from istiod`,
      `Proxies NACK {{ $value | humanize }} {{ $labels.type }} pushes per second over ${window}, for ${spelled(durations('10m'))}: they run their last accepted configuration and ignore newer changes.`,
      'pilot_xds_<type>_reject{node, err} on istiod names the proxy and the NACK message; istioctl proxy-status shows which proxies are STALE. Usually an EnvoyFilter or a VirtualService the proxy version does not support.',
    ),
    rule(
      'MeshscopeSlowProxyConvergence',
      `histogram_quantile(0.99, ${w(c.buckets('istiod', 'pilot_proxy_convergence_time', [cl]))}) > ${decimal(config.alerts.convergenceSeconds)}`,
      '10m',
      'warning',
      `istiod in cluster ${cluster} is slow to push configuration to proxies`,
      `99 % of configuration changes reach the proxies within {{ $value | humanizeDuration }} (pilot_proxy_convergence_time, over ${window}), above the ${config.alerts.convergenceSeconds} s threshold for ${spelled(durations('10m'))}: endpoint and route changes take that long to apply.`,
      'Istio Control Plane › Proxy convergence and Push time. Look for push storms (Config events and push triggers), istiod CPU throttling, or too many proxies per istiod; Sidecar resources that limit what each proxy receives shrink pushes.',
    ),
    rule(
      'MeshscopeIstiodDown',
      // Per cluster: one that still has proxies scraped but no istiod target (its series gone, not 0) counts too;
      // absent() could not tell, since a store of several clusters still holds the other clusters' istiods.
      `(sum by (${cl}) (${up('istiod')}) == 0) or (group by (${cl}) (${up('proxies')}) unless on (${cl}) group by (${cl}) (${up('istiod')}))`,
      '5m',
      'critical',
      `No istiod is up in cluster ${cluster}`,
      `Prometheus scrapes this cluster's pods but has not scraped a running istiod for ${spelled(durations('5m'))} (selector ${config.selectors.istiod}): new pods get no sidecar or certificates, and configuration changes stop reaching proxies.`,
      'kubectl -n istio-system get pods -l app=istiod and its events; if the pods run, check that the scrape still matches them (selectors.istiod in the meshscope config).',
    ),
    rule(
      'MeshscopeZtunnelDown',
      `${up('ztunnel')} == 0`,
      '5m',
      'critical',
      `ztunnel {{ $labels.${config.labels.pod} }} in cluster ${cluster} is down`,
      `Prometheus has failed to scrape ztunnel {{ $labels.${config.labels.pod} }} for ${spelled(durations('5m'))}: ambient pods on its node may have no connectivity.`,
      'kubectl -n istio-system describe pod for this ztunnel and its logs; a ztunnel that does not become ready leaves the node\'s ambient pods without traffic.',
    ),
  ].map((r) => ({ ...r, expr: w(r.expr) }));
}

export function ruleGroups(config: MeshscopeConfig, durations: Durations = AS_WRITTEN): RuleGroup[] {
  // The SLO ratios and the alerts read raw series over their own windows, whatever mode the dashboards are in.
  const rawConfig = { ...config, recording: { ...config.recording, dashboards: false } };
  const raw = new IstioQueries(rawConfig);
  return [
    dashboardsGroup(config),
    ...(config.dashboards.includes('meshscope-envoy') ? [envoyGroup(config)] : []),
    serviceGroup(config, raw, durations),
    { name: 'meshscope.alerts', rules: [...burnAlerts(config, durations), ...controlPlaneAlerts(rawConfig, durations)] },
  ];
}
