/**
 * A throwaway VictoriaMetrics single node and vmalert (Debian's victoria-metrics package) for integration tests.
 *
 *   const vm = await startVictoriaMetrics();          // remote_write to `${vm.url}/api/v1/write`
 *   const big = await startVictoriaMetrics({ flags: ['-search.maxUniqueTimeseries=2000000'] });
 *   const rows = await vm.query('sum(rate(istio_requests_total[30s]))');
 *   const alert = await startVmalert({ rules, datasourceUrl: vm.url, remoteWriteUrl: vm.url, notifierUrl: am.url });
 *   await alert.stop(); await vm.stop();
 */
import { readFileSync } from 'node:fs';
import { findBinary, startServer } from './process';
import { type QueryApi, queryApi, selfMetricOf } from './promApi';

const INSTALL_HINT = 'sudo apt-get install victoria-metrics (provides victoria-metrics, vmagent and vmalert)';

/** What README tells VictoriaMetrics users to set -maxLabelsPerTimeseries to. */
export const MAX_LABELS = 64;

export interface VictoriaMetrics extends QueryApi {
  port: number;
  pid: number;
  /** Remote-write endpoint for Prometheus and vmalert. */
  writeUrl: string;
  /** Resident memory of the server process in bytes, from /proc. */
  rssBytes(): number;
  /**
   * A counter or gauge of its own /metrics page (e.g. vm_metrics_with_dropped_labels_total), summed over labels, or
   * over those whose label text includes `match`.
   */
  selfMetric(name: string, match?: string): Promise<number>;
  stop(): Promise<void>;
}

export interface VictoriaMetricsOptions {
  /** More command-line flags, after the defaults (the last of a repeated flag wins), e.g. a bench's query limits. */
  flags?: string[];
}

export async function startVictoriaMetrics(o: VictoriaMetricsOptions = {}): Promise<VictoriaMetrics> {
  const server = await startServer({
    name: 'victoria-metrics',
    bin: findBinary('victoria-metrics', 'VICTORIA_METRICS_BIN', INSTALL_HINT),
    args: (port, dir) => [
      `-httpListenAddr=127.0.0.1:${port}`,
      `-storageDataPath=${dir}/data`,
      '-retentionPeriod=1d',
      // Samples are queryable 30 s after arrival by default, so that late rows do not change a cached answer;
      // tests read seconds-old data and compare it, so nothing is cached and everything is visible after 1 s.
      '-search.latencyOffset=1s',
      '-search.disableCache',
      // Istio's request series carry more than the default 30 labels once Prometheus adds its target labels;
      // VictoriaMetrics would drop the rest (source_workload among them) and the dashboards would count twice.
      `-maxLabelsPerTimeseries=${MAX_LABELS}`,
      '-loggerLevel=WARN',
      ...(o.flags ?? []),
    ],
    readyPath: '/health',
  });
  return {
    ...queryApi(server.url, 'VictoriaMetrics'),
    port: server.port,
    pid: server.pid,
    writeUrl: `${server.url}/api/v1/write`,
    rssBytes: () => rssOf(server),
    selfMetric: (name, match) => selfMetricOf(server.url, name, match),
    stop: server.stop,
  };
}

/** Resident set size of a process in bytes (VmRSS in /proc/<pid>/status). */
export function rssOf(server: { pid: number }): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  if (!m) {
    throw new Error(`no VmRSS for pid ${server.pid}`);
  }
  return Number(m[1]) * 1024;
}

export interface VmalertOptions {
  /** Rules file text (Prometheus rules format). */
  rules: string;
  datasourceUrl: string;
  /** Where recording rules' results and the ALERTS series go. */
  remoteWriteUrl: string;
  notifierUrl: string;
  /** Default "1s". */
  evaluationInterval?: string;
}

export interface Vmalert {
  url: string;
  stop(): Promise<void>;
}

export async function startVmalert(o: VmalertOptions): Promise<Vmalert> {
  const server = await startServer({
    name: 'vmalert',
    bin: findBinary('vmalert', 'VMALERT_BIN', INSTALL_HINT),
    files: () => ({ 'rules.yaml': o.rules }),
    args: (port, dir) => [
      `-httpListenAddr=127.0.0.1:${port}`,
      `-rule=${dir}/rules.yaml`,
      `-datasource.url=${o.datasourceUrl}`,
      `-remoteWrite.url=${o.remoteWriteUrl}`,
      `-notifier.url=${o.notifierUrl}`,
      `-evaluationInterval=${o.evaluationInterval ?? '1s'}`,
      `-external.url=http://127.0.0.1:${port}`,
      // Recorded series are flushed every 5 s by default; alerts that read them would then lag by that much.
      '-remoteWrite.flushInterval=1s',
      '-loggerLevel=WARN',
    ],
    readyPath: '/health',
  });
  return { url: server.url, stop: server.stop };
}
