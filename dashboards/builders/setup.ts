import { type Column, type PanelBuilder, table } from '../panels/kinds';
import { UNITS } from '../panels/units';
import { MIN_SAMPLES, SetupQueries } from '../queries/setup';
import type { DashboardBody } from './assemble';
import type { Context } from './traffic';

/** How every findings panel starts its text when its query returns no series: a clean setup says so. */
export const NOTHING_FOUND = 'Nothing found';

const FIX = { fix: 'Fix' };

/** A table of findings, one row per series, with the labels as text columns and a "nothing found" text. */
function findings(p: {
  title: string;
  description: string;
  /** None: nothing is configured to check, and the panel says so. */
  expr?: string;
  column: Column;
  labels: Record<string, string>;
  clean: string;
  width?: number;
}): PanelBuilder {
  return table({
    title: p.title,
    description: p.description,
    unit: p.column.unit,
    targets: p.expr === undefined ? [] : [{ expr: p.expr }],
    columns: [p.column],
    labels: { ...p.labels, ...FIX },
    links: {},
    noValue: `${NOTHING_FOUND}: ${p.clean}`,
    width: p.width ?? 24,
    height: 7,
  });
}

/**
 * Whether this Prometheus scrapes the mesh the way the other dashboards read it: each finding names the
 * meshscope.config.yaml field or scrape setting that fixes it. None of Istio's dashboards has one.
 */
export function setupDashboard(ctx: Context): DashboardBody {
  const { config } = ctx;
  const q = new SetupQueries(config);
  const targets = (header: string): Column => ({ refId: 'A', header, unit: UNITS.count });
  const custom = q.customTelemetry();
  return {
    description:
      'What this Prometheus scrapes of the mesh and what the dashboards miss: components, labels, metric families, double scrapes, rate windows, le spelling, custom metrics and extended Envoy stats. Each finding names the meshscope.config.yaml field or scrape setting that fixes it.',
    tags: ['setup'],
    variables: [],
    sections: [
      {
        title: 'What Prometheus scrapes',
        panels: [
          table({
            title: 'Scraped components',
            description:
              'Targets per component and job, found through the selectors of meshscope.config.yaml (selectors.*) and told apart by what they export: istio_build per process (pilot, proxy, ztunnel), waypoints by their reporter="waypoint" reports, gateways by reports as callers named like gatewayWorkloads, cAdvisor by its container series. A proxy without traffic counts as a sidecar.',
            unit: UNITS.count,
            targets: [{ expr: q.inventory() }],
            columns: [targets('Targets')],
            labels: { component: 'Component', job: 'Job' },
            links: {},
            noValue: 'No component found through the selectors: see Missing components.',
            width: 10,
          }),
          findings({
            title: 'Missing components',
            description:
              'Components the selectors find nothing of: scraped under a job the selector does not match, or not scraped although cAdvisor sees their containers running (per cluster). istiod and the proxies are always expected, ztunnel where cAdvisor sees ztunnel pods (containers.proxy in pods named ztunnelPods), cAdvisor always. The value: the targets found elsewhere, or the pods running.',
            expr: q.missingComponents(),
            column: targets('Targets or pods'),
            labels: { component: 'Component', [config.labels.cluster]: 'Cluster', job: 'Job', problem: 'Problem' },
            clean: 'every expected component is scraped and matched by its selector.',
            width: 14,
          }),
        ],
      },
      {
        title: 'Labels and metric families',
        panels: [
          findings({
            title: 'Missing target labels',
            description: `Targets of each component (cAdvisor: targets whose mesh containers lack it) without the ${config.labels.cluster}, ${config.labels.namespace} or ${config.labels.pod} label (labels.* in meshscope.config.yaml): the cluster variable, per-pod panels and the Proxy internals dashboard read them.`,
            expr: q.missingLabels(),
            column: targets('Targets'),
            labels: { component: 'Component', job: 'Job', label: 'Label' },
            clean: 'every target carries the configured cluster, namespace and pod labels.',
            width: 12,
          }),
          findings({
            title: 'Missing metric families',
            description:
              'Metric families the dashboards read that a scraped component does not export: a metric_relabel_configs drop rule, a Telemetry API override or an Istio version without them. The value: the targets that should export it.',
            expr: q.missingFamilies(),
            column: targets('Targets'),
            labels: { component: 'Component', family: 'Family' },
            clean: 'every scraped component exports the families the dashboards read.',
            width: 12,
          }),
        ],
      },
      {
        title: 'Scrape shape',
        panels: [
          findings({
            title: 'Scraped twice',
            description: `Pods whose metrics two jobs (or one job on two ports) scrape, and kubelets whose mesh containers two cAdvisor jobs scrape, per job. Common while migrating from annotation scraping to Prometheus Operator's monitors. meshscope's queries count each pod once, but Prometheus stores and evaluates every series twice, and other dashboards and queries of your own double their sums: drop one of the scrapes. The value: such pods (kubelets) the job scrapes.`,
            expr: q.doubleScraped(),
            column: targets('Pods scraped twice'),
            labels: { component: 'Component', job: 'Job' },
            clean: 'no pod is scraped by more than one job.',
            width: 12,
          }),
          findings({
            title: 'Rate windows',
            description: `Jobs whose targets have fewer than ${MIN_SAMPLES} samples in a rate window: the dashboards' (Grafana's $__rate_interval, 4 × the data source's scrape interval, install.scrapeInterval) or the recording rules' (recording.window). A rate needs two; with fewer than ${MIN_SAMPLES}, one failed scrape empties it. The value: the fewest samples a target of the job has. Targets younger than the window are not judged.`,
            expr: q.rateWindows(),
            column: targets('Fewest samples'),
            labels: { component: 'Component', job: 'Job', window: 'Window' },
            clean: `every target has at least ${MIN_SAMPLES} samples in each rate window.`,
            width: 12,
          }),
          table({
            title: 'Bucket bound spelling (le)',
            description:
              'Distinct bucket bounds of istio_request_duration_milliseconds per spelling of the le label. Prometheus 3 normalises integer bounds on ingestion ("250" becomes "250.0", "1800000" becomes "1.8e+06"): queries and rules of your own matching le="250" stop matching, and both spellings in one range (across the upgrade) draw each bucket twice in heatmaps. meshscope\'s queries match both.',
            unit: UNITS.count,
            targets: [{ expr: q.bucketSpelling() }],
            columns: [targets('Bounds')],
            labels: { spelling: 'Spelling' },
            links: {},
            noValue: 'No request-duration buckets through selectors.proxies.',
            width: 12,
            height: 6,
          }),
          findings({
            title: 'Custom metrics configured but absent',
            description:
              'Telemetry API metrics (customTelemetry.metrics) and dimensions (customTelemetry.dimensions, on istio_requests_total) that meshscope.config.yaml expects but no proxy exports: the custom panels of the Service and Workload dashboards stay empty.',
            expr: custom,
            column: { refId: 'A', header: 'Absent', unit: UNITS.count },
            labels: { metric: 'Metric' },
            clean:
              custom === undefined
                ? 'no custom metrics or dimensions configured (customTelemetry in meshscope.config.yaml).'
                : 'every configured custom metric and dimension is exported.',
            width: 12,
          }),
        ],
      },
      {
        title: 'Extended Envoy stats',
        panels: [
          table({
            title: 'Workloads with extended stats on',
            description:
              "Workloads whose proxies export Envoy stats beyond Istio's defaults (proxyStatsMatcher inclusions: upstream clusters of their own, HTTP connection manager or listener stats), with the pods doing so and the Envoy series they export: what the Proxy internals dashboard reads, and what it costs.",
            unit: UNITS.count,
            targets: [{ expr: q.extendedStats('pods') }, { expr: q.extendedStats('series') }],
            columns: [targets('Pods'), targets('Envoy series')],
            labels: { [config.labels.namespace]: 'Namespace', workload: 'Workload' },
            links: {},
            noValue: "No workload has extended Envoy stats on (proxyStatsMatcher): Istio's default.",
          }),
        ],
      },
    ],
  };
}
