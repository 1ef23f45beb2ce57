/**
 * The multi-cluster test bed, all real parts on loopback:
 *
 *   simulator ── /sd ──▶ Prometheus per cluster (keeps only its cluster's targets; the cluster label comes from
 *                        external_labels, as in Istio's multi-cluster monitoring) ── remote_write ──▶ VictoriaMetrics
 *                        ▲ vmalert evaluates the rules against VictoriaMetrics and remote_writes what it records
 *   each Prometheus and vmalert ── alerts ──▶ Alertmanager ── webhook ──▶ the test
 *
 *   const bed = await startBed({ rules });   // rules: a rules file for every Prometheus and vmalert (optional)
 *   ...
 *   await bed.stop();                        // always, in afterAll: stops everything even when a part failed
 *
 * Prometheus adds `evaluator="prometheus"` to the alerts it sends (alert_relabel_configs, alerts only), because
 * Alertmanager merges alerts with equal labels and the tests must see each evaluator's own notification.
 */
import { type Simulator, startSimulator } from '../../simulator';
import { type Alertmanager, startAlertmanager } from './alertmanager';
import { stopAll } from './process';
import { type Prometheus, startPrometheus } from './prometheus';
import { startVictoriaMetrics, startVmalert, type VictoriaMetrics, type Vmalert } from './victoriametrics';

export interface BedOptions {
  seed?: number;
  /** Rules file text: loaded by every cluster's Prometheus and by vmalert, which then run with Alertmanager. */
  rules?: string;
  /** Scrape and evaluation interval, default "1s". */
  interval?: string;
}

export interface Bed {
  sim: Simulator;
  clusters: string[];
  prometheus: Map<string, Prometheus>;
  vm: VictoriaMetrics;
  vmalert?: Vmalert;
  alertmanager?: Alertmanager;
  /** Makes a cluster's Prometheus stop (false) or resume (true) scraping istiod, by reloading its config. */
  scrapeIstiod(cluster: string, on: boolean): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterPrometheusConfig {
  cluster: string;
  sdUrl: string;
  interval: string;
  /** Default Prometheus's 10 s; a mesh whose scrape outlasts that on a busy machine needs up to `interval`. */
  scrapeTimeout?: string;
  writeUrl: string;
  alertmanager?: string;
  rulesFile?: string;
  scrapeIstiod?: boolean;
}

/** One cluster's prometheus.yml. The simulator's /sd lists every cluster's targets, each with a cluster label. */
export function clusterPrometheusConfig(o: ClusterPrometheusConfig): string {
  const lines = [
    'global:',
    `  scrape_interval: ${o.interval}`,
    `  evaluation_interval: ${o.interval}`,
    ...(o.scrapeTimeout ? [`  scrape_timeout: ${o.scrapeTimeout}`] : []),
    '  external_labels:',
    `    cluster: ${o.cluster}`,
    ...(o.rulesFile ? ['rule_files:', `  - ${o.rulesFile}`] : []),
    ...(o.alertmanager
      ? [
          'alerting:',
          '  alert_relabel_configs:',
          '    - target_label: evaluator',
          '      replacement: prometheus',
          '  alertmanagers:',
          '    - static_configs:',
          `        - targets: ['${o.alertmanager}']`,
        ]
      : []),
    'remote_write:',
    `  - url: ${o.writeUrl}`,
    '    queue_config:',
    '      batch_send_deadline: 1s',
    // vmalert records the same series from the store; two writers of one series would interleave their samples.
    '    write_relabel_configs:',
    '      - source_labels: [__name__]',
    "        regex: '.+:.+|ALERTS|ALERTS_FOR_STATE'",
    '        action: drop',
    'scrape_configs:',
    '  - job_name: sd',
    '    http_sd_configs:',
    `      - url: ${o.sdUrl}`,
    `        refresh_interval: ${o.interval}`,
    '    relabel_configs:',
    '      - source_labels: [cluster]',
    `        regex: ${o.cluster}`,
    '        action: keep',
    // A cluster's own Prometheus does not know its cluster's name from the pods: external_labels supplies it.
    '      - regex: cluster',
    '        action: labeldrop',
    ...(o.scrapeIstiod === false
      ? ['      - source_labels: [container]', '        regex: discovery', '        action: drop']
      : []),
    '',
  ];
  return lines.join('\n');
}

export async function startBed(o: BedOptions = {}): Promise<Bed> {
  const interval = o.interval ?? '1s';
  const started: Array<{ stop(): Promise<void> } | undefined> = [];
  const stop = () => stopAll([...started].reverse());
  try {
    const sim = await startSimulator({ seed: o.seed ?? 5 });
    started.push({ stop: () => sim.close() });
    const clusters = sim.topology.clusters ?? [];
    if (clusters.length < 2) {
      throw new Error(`the bed needs a topology with two clusters or more, got ${JSON.stringify(clusters)}`);
    }
    const vm = await startVictoriaMetrics();
    started.push(vm);
    const alertmanager = o.rules ? await startAlertmanager() : undefined;
    started.push(alertmanager);
    const config = (cluster: string, scrapeIstiod = true) =>
      clusterPrometheusConfig({
        cluster,
        sdUrl: `${sim.url}/sd`,
        interval,
        writeUrl: vm.writeUrl,
        alertmanager: alertmanager?.address,
        rulesFile: o.rules ? 'rules.yaml' : undefined,
        scrapeIstiod,
      });
    const prometheus = new Map<string, Prometheus>();
    for (const cluster of clusters) {
      const p = await startPrometheus({
        config: config(cluster),
        files: o.rules ? { 'rules.yaml': o.rules } : undefined,
      });
      started.push(p);
      prometheus.set(cluster, p);
    }
    const vmalert = o.rules
      ? await startVmalert({
          rules: o.rules,
          datasourceUrl: vm.url,
          remoteWriteUrl: vm.url,
          notifierUrl: alertmanager!.url,
          evaluationInterval: interval,
        })
      : undefined;
    started.push(vmalert);
    await Promise.all([...prometheus.values()].map((p) => p.waitForScrapes(1)));
    return {
      sim,
      clusters,
      prometheus,
      vm,
      vmalert,
      alertmanager,
      scrapeIstiod: (cluster, on) => prometheus.get(cluster)!.reload(config(cluster, on)),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
