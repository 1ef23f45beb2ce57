// ztunnel, the per-node ambient L4 proxy (spec §3.2). Its Rust prometheus-client speaks OpenMetrics
// (family names without _total, # EOF), which prom-client's OpenMetrics registry reproduces, so we
// use prom-client here. Not reproduced: the `# UNIT` lines on the byte counters.
import { Counter, Gauge, type OpenMetricsContentType, Registry } from 'prom-client';
import { ZTUNNEL_LABELS } from '../spec/labels';
import type { Series } from '../model/edge';
import { type PodInfo, podPath, podTargetLabels, type ScrapeTarget } from '../model/target';
import { TCP_CLOSED, TCP_OPENED, TCP_RECEIVED, TCP_SENT, ZTUNNEL_TCP_METRICS } from '../spec/istio-metrics';
import type { ExpositionWriter } from '../render/exposition-writer';

export interface ZtunnelEntry {
  series: Series;
  labels: Record<string, string>;
  share: number;
}

// HELP texts as ztunnel writes them (fixture ztunnel-1.24-metrics.openmetrics.txt).
const HELP: Record<(typeof ZTUNNEL_TCP_METRICS)[number], string> = {
  [TCP_OPENED]: 'The total number of TCP connections opened.',
  [TCP_CLOSED]: 'The total number of TCP connections closed.',
  [TCP_RECEIVED]: 'The size of total bytes received during request in case of a TCP connection.',
  [TCP_SENT]: 'The size of total bytes sent during response in case of a TCP connection.',
};

const VALUE: Record<(typeof ZTUNNEL_TCP_METRICS)[number], (s: Series) => number> = {
  [TCP_OPENED]: (s) => s.total,
  [TCP_CLOSED]: (s) => s.closed,
  [TCP_RECEIVED]: (s) => s.receivedBytes,
  [TCP_SENT]: (s) => s.sentBytes,
};

const XDS_URLS = ['type.googleapis.com/istio.workload.Address', 'type.googleapis.com/istio.security.Authorization'];

export class ZtunnelPod implements ScrapeTarget {
  readonly path: string;
  readonly targetLabels: Record<string, string>;
  readonly contentType = Registry.OPENMETRICS_CONTENT_TYPE;
  readonly entries: ZtunnelEntry[] = [];
  private readonly registry = new Registry<OpenMetricsContentType>();
  private now = 0;

  constructor(
    readonly pod: PodInfo,
    istioVersion: string,
    localWorkloads: () => number,
    private readonly startedAt: number
  ) {
    this.path = podPath(pod, '/metrics');
    this.targetLabels = podTargetLabels(pod);
    this.registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
    const registers = [this.registry];
    new Gauge({
      name: 'istio_build',
      help: 'Istio component build info.',
      labelNames: ['component', 'tag'],
      registers,
    }).set({ component: 'ztunnel', tag: istioVersion }, 1);
    const self = this;
    new Counter({
      name: 'istio_xds_message_total',
      help: 'Total number of messages received (unstable).',
      labelNames: ['url'],
      registers,
      collect() {
        this.reset();
        const pushes = 1 + Math.floor((self.now - self.startedAt) / 30);
        XDS_URLS.forEach((url, i) => this.inc({ url }, pushes * (i === 0 ? 5 : 1)));
      },
    });
    for (const name of ZTUNNEL_TCP_METRICS) {
      new Counter({
        name,
        help: HELP[name],
        labelNames: ZTUNNEL_LABELS,
        registers,
        collect() {
          this.reset();
          for (const e of self.entries) {
            this.inc(e.labels, Math.floor(VALUE[name](e.series) * e.share));
          }
        },
      });
    }
    new Gauge({
      name: 'workload_manager_active_proxy_count',
      help: 'The total number current workloads with active proxies (unstable).',
      registers,
      collect() {
        this.set(localWorkloads());
      },
    });
    new Gauge({
      name: 'workload_manager_pending_proxy_count',
      help: 'The total number current workloads with pending proxies (unstable).',
      registers,
    }).set(0);
    new Gauge({
      name: 'process_open_fds',
      help: 'Number of open file descriptors.',
      registers,
      collect() {
        this.set(20 + self.entries.length);
      },
    });
  }

  visible(): boolean {
    return true;
  }

  async render(now: number, out: ExpositionWriter): Promise<void> {
    this.now = now;
    out.text(await this.registry.metrics());
  }
}
