/**
 * The scrape setups Istio users run, as Prometheus configs that scrape the simulator with each setup's own
 * relabelling (test/fixtures/setups/SOURCES.md says where each comes from):
 *
 *   const prom = await startPrometheus({ config: setupConfig('istio-operator', sim.url) });
 *
 * Each setup's kubernetes_sd_configs become HTTP SD on the simulator's /sd/kubernetes/<role> (the same target
 * labels Kubernetes SD gives), and its scrapes go through the simulator as proxy_url, which answers for the pod
 * network. What only reaches or authenticates (https, CA files, tokens) is dropped: the simulator speaks plain HTTP.
 * Everything that decides a series' labels (relabel_configs, honor_labels, metric_relabel_configs) runs unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { type Monitor, operatorScrapeConfigs } from './operator';

const FIXTURES = join(__dirname, '../fixtures/setups');
const MONITORS = join(__dirname, '../../provisioning/kubernetes/monitoring');

export type ScrapeConfig = Record<string, unknown>;

const jobsOf = (file: string): ScrapeConfig[] =>
  (parse(readFileSync(join(FIXTURES, file), 'utf8')) as { scrape_configs: ScrapeConfig[] }).scrape_configs;

const monitorsIn = (path: string): ScrapeConfig[] =>
  parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJS() as Monitor)
    .filter((m) => m.kind === 'ServiceMonitor' || m.kind === 'PodMonitor')
    .flatMap(operatorScrapeConfigs);

const kubelet = () => monitorsIn(join(FIXTURES, 'kube-prometheus-stack-kubelet.yaml'));
const sample = () => jobsOf('istio-sample-prometheus.yml');
const operator = () => [...monitorsIn(join(FIXTURES, 'istio-prometheus-operator.yaml')), ...kubelet()];

/** Every setup, and the scrape configs it runs. */
export const SETUPS = {
  /** Istio's sample Prometheus add-on (samples/addons/prometheus.yaml): annotated pods as kubernetes-pods. */
  'istio-sample': sample,
  /** Istio's docs for Prometheus Operator (ServiceMonitor istio-component-monitor, PodMonitor envoy-stats-monitor) on kube-prometheus-stack. */
  'istio-operator': operator,
  /** meshscope's own monitors (provisioning/kubernetes/monitoring) on kube-prometheus-stack. */
  meshscope: () => [
    ...readdirSync(MONITORS)
      .filter((f) => f.endsWith('monitor.yaml'))
      .flatMap((f) => monitorsIn(join(MONITORS, f))),
    ...kubelet(),
  ],
  /** A collector whose user named every job. */
  collector: () => jobsOf('collector.yml'),
  /** Migrating: the sample add-on and the operator setup at once, so every proxy, istiod and kubelet is scraped twice. */
  double: () => [...sample(), ...operator()],
} satisfies Record<string, () => ScrapeConfig[]>;

export type Setup = keyof typeof SETUPS;
export const SETUP_NAMES = Object.keys(SETUPS) as Setup[];

export type SetupComponent = 'proxies' | 'ztunnel' | 'istiod' | 'cadvisor';

/** Which components each job of a setup scrapes. */
export const SETUP_JOBS: Record<Setup, Record<string, SetupComponent[]>> = {
  'istio-sample': { 'kubernetes-pods': ['proxies', 'ztunnel', 'istiod'], 'kubernetes-nodes-cadvisor': ['cadvisor'] },
  // The docs' PodMonitor keeps every istio-proxy container, ztunnel's included; its ServiceMonitor's jobLabel
  // `istio` makes the job the istiod Service's `istio` label.
  'istio-operator': {
    'istio-system/envoy-stats-monitor': ['proxies', 'ztunnel'],
    pilot: ['istiod'],
    kubelet: ['cadvisor'],
  },
  // Our monitors keep the operator's job names (<namespace>/<PodMonitor>, the istiod Service's name).
  meshscope: {
    'monitoring/istio-proxies': ['proxies'],
    'monitoring/ztunnel': ['ztunnel'],
    istiod: ['istiod'],
    kubelet: ['cadvisor'],
  },
  collector: {
    'otel/mesh-sidecars': ['proxies'],
    'otel/mesh-ztunnel': ['ztunnel'],
    'otel/mesh-control-plane': ['istiod'],
    'otel/node-cadvisor': ['cadvisor'],
  },
  double: {
    'kubernetes-pods': ['proxies', 'ztunnel', 'istiod'],
    'kubernetes-nodes-cadvisor': ['cadvisor'],
    'istio-system/envoy-stats-monitor': ['proxies', 'ztunnel'],
    pilot: ['istiod'],
    kubelet: ['cadvisor'],
  },
};

const DROPPED = ['scheme', 'tls_config', 'bearer_token_file', 'authorization', 'scrape_interval', 'scrape_timeout'];

/** A scrape config as it runs against the simulator: discovery from /sd/kubernetes, scrapes through its proxy. */
export function againstSimulator(job: ScrapeConfig, simulatorUrl: string, refreshInterval = '1s'): ScrapeConfig {
  const sd = job.kubernetes_sd_configs as Array<{ role: string; namespaces?: { names: string[] } }> | undefined;
  if (!sd || sd.length !== 1) {
    throw new Error(`${String(job.job_name)}: expected one kubernetes_sd_configs entry`);
  }
  const { role, namespaces } = sd[0];
  const out: ScrapeConfig = Object.fromEntries(
    Object.entries(job).filter(([k]) => k !== 'kubernetes_sd_configs' && !DROPPED.includes(k))
  );
  out.http_sd_configs = [{ url: `${simulatorUrl}/sd/kubernetes/${role}`, refresh_interval: refreshInterval }];
  out.proxy_url = simulatorUrl;
  if (namespaces) {
    // Kubernetes SD's namespace filter, which HTTP SD lacks, as the equivalent first relabelling.
    out.relabel_configs = [
      { action: 'keep', source_labels: ['__meta_kubernetes_namespace'], regex: namespaces.names.join('|') },
      ...((job.relabel_configs as unknown[]) ?? []),
    ];
  }
  return out;
}

/** prometheus.yml for a setup (or for scrape configs a test changed, e.g. to plant a fault). */
export function setupConfig(setup: Setup | ScrapeConfig[], simulatorUrl: string, scrapeInterval = '1s'): string {
  const jobs = typeof setup === 'string' ? SETUPS[setup]() : setup;
  return stringify({
    global: { scrape_interval: scrapeInterval, evaluation_interval: scrapeInterval },
    scrape_configs: jobs.map((j) => againstSimulator(j, simulatorUrl, scrapeInterval)),
  });
}
