// istiod's :15014/metrics (spec §5). OTel → client_golang text, which prom-client reproduces except
// for Go's exponent formatting of large bucket bounds (we print le="1000000" where Go prints
// "1e+06"; Prometheus parses both to the same bound). go_* and process_* are simulated because
// prom-client's default collectors describe this Node process, not a Go binary.
import { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';
import { ISTIOD_BUCKETS } from '../spec/buckets';
import { type PodInfo, podPath, podTargetLabels, type ScrapeTarget } from '../model/target';
import { logNormal, type LogNormal } from '../util/distribution';
import { rng } from '../util/random';
import type { ExpositionWriter } from '../render/exposition-writer';

const SHORT_TYPES = ['cds', 'eds', 'lds', 'rds'] as const;
const TYPE_URLS: Record<(typeof SHORT_TYPES)[number], string> = {
  cds: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  eds: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  lds: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  rds: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
};

/** How fast config reaches proxies; the slow-convergence scenario swaps this. */
export const NORMAL_CONVERGENCE = logNormal(0.05, 0.3);
export const SLOW_CONVERGENCE = logNormal(8, 25);

/** What one istiod's metrics should show, for /truth. */
export interface IstiodTruth {
  pod: string;
  /** Proxies connected over xDS (pilot_xds), as many as hold an xds-grpc connection to it. */
  proxies: number;
  services: number;
  virtualServices: number;
  /** Pushes triggered per second (pilot_push_triggers, all reasons). */
  pushTriggersPerSecond: number;
  /** Proxies reaching their pushed config per second (pilot_proxy_convergence_time's count). */
  convergencesPerSecond: number;
}

export interface ControlPlaneView {
  /** Proxies connected to this istiod. */
  proxies: () => number;
  services: number;
  virtualServices: number;
}

/** A push to every proxy happens this often (endpoint churn keeps real istiods busy). */
const PUSH_PERIOD_S = 1;

export class IstiodPod implements ScrapeTarget {
  readonly path: string;
  readonly targetLabels: Record<string, string>;
  readonly contentType: string;
  private readonly registry = new Registry();
  private readonly random: () => number;
  private convergence: LogNormal = NORMAL_CONVERGENCE;
  /** Proxy IDs whose LDS pushes are being NACKed (xds-rejects scenario). */
  private rejecting: string[] = [];
  private lastPush: number;
  private readonly m;

  constructor(
    readonly pod: PodInfo,
    private readonly istioVersion: string,
    private readonly view: ControlPlaneView,
    private readonly startedAt: number,
    seed: number
  ) {
    this.path = podPath(pod, '/metrics');
    this.targetLabels = podTargetLabels(pod);
    this.contentType = this.registry.contentType;
    this.random = rng(seed);
    this.lastPush = startedAt;
    const registers = [this.registry];
    const type = ['type'];
    this.m = {
      convergence: new Histogram({
        name: 'pilot_proxy_convergence_time',
        help: 'Delay in seconds between config change and a proxy receiving all required configuration.',
        buckets: [...ISTIOD_BUCKETS.pilot_proxy_convergence_time],
        registers,
      }),
      pushes: new Counter({
        name: 'pilot_xds_pushes',
        help: 'Pilot build and send errors for lds, rds, cds and eds.',
        labelNames: type,
        registers,
      }),
      pushTime: new Histogram({
        name: 'pilot_xds_push_time',
        help: 'Total time in seconds Pilot takes to push lds, rds, cds and eds.',
        labelNames: type,
        buckets: [...ISTIOD_BUCKETS.pilot_xds_push_time],
        registers,
      }),
      configSize: new Histogram({
        name: 'pilot_xds_config_size_bytes',
        help: 'Distribution of configuration sizes pushed to clients',
        labelNames: type,
        buckets: [...ISTIOD_BUCKETS.pilot_xds_config_size_bytes],
        registers,
      }),
      xds: new Gauge({
        name: 'pilot_xds',
        help: 'Number of endpoints connected to this pilot using XDS.',
        labelNames: ['version'],
        registers,
      }),
      services: new Gauge({ name: 'pilot_services', help: 'Total services known to pilot.', registers }),
      virtualServices: new Gauge({
        name: 'pilot_virt_services',
        help: 'Total virtual services known to pilot.',
        registers,
      }),
      cfgEvents: new Counter({
        name: 'pilot_k8s_cfg_events',
        help: 'Events from k8s config.',
        labelNames: ['type', 'event'],
        registers,
      }),
      regEvents: new Counter({
        name: 'pilot_k8s_reg_events',
        help: 'Events from k8s registry.',
        labelNames: ['type', 'event'],
        registers,
      }),
      triggers: new Counter({
        name: 'pilot_push_triggers',
        help: 'Total number of times a push was triggered, labeled by reason for the push.',
        labelNames: type,
        registers,
      }),
      rejects: new Counter({
        name: 'pilot_total_xds_rejects',
        help: 'Total number of XDS responses from pilot rejected by proxy.',
        labelNames: type,
        registers,
      }),
      ldsReject: new Gauge({
        name: 'pilot_xds_lds_reject',
        help: 'Pilot rejected LDS.',
        labelNames: ['node', 'err'],
        registers,
      }),
      internalErrors: new Counter({
        name: 'pilot_total_xds_internal_errors',
        help: 'Total number of internal XDS errors in pilot.',
        registers,
      }),
      csr: new Counter({
        name: 'citadel_server_csr_count',
        help: 'The number of CSRs received by Citadel server.',
        registers,
      }),
      issued: new Counter({
        name: 'citadel_server_success_cert_issuance_count',
        help: 'The number of certificates issuances that have succeeded.',
        registers,
      }),
      injectionRequests: new Counter({
        name: 'sidecar_injection_requests_total',
        help: 'Total number of sidecar injection requests.',
        registers,
      }),
      injectionSuccess: new Counter({
        name: 'sidecar_injection_success_total',
        help: 'Total number of successful sidecar injection requests.',
        registers,
      }),
      validationPassed: new Counter({
        name: 'galley_validation_passed',
        help: 'Resource is valid.',
        labelNames: ['group', 'version', 'resource'],
        registers,
      }),
      build: new Gauge({
        name: 'istio_build',
        help: 'Istio component build info',
        labelNames: ['component', 'tag'],
        registers,
      }),
      goroutines: new Gauge({ name: 'go_goroutines', help: 'Number of goroutines that currently exist.', registers }),
      heap: new Gauge({
        name: 'go_memstats_heap_alloc_bytes',
        help: 'Number of heap bytes allocated and still in use.',
        registers,
      }),
      gc: new Summary({
        name: 'go_gc_duration_seconds',
        help: 'A summary of the pause duration of garbage collection cycles.',
        percentiles: [0, 0.25, 0.5, 0.75, 1],
        registers,
      }),
      cpu: new Counter({
        name: 'process_cpu_seconds_total',
        help: 'Total user and system CPU time spent in seconds.',
        registers,
      }),
      rss: new Gauge({ name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes.', registers }),
      start: new Gauge({
        name: 'process_start_time_seconds',
        help: 'Start time of the process since unix epoch in seconds.',
        registers,
      }),
      fds: new Gauge({ name: 'process_open_fds', help: 'Number of open file descriptors.', registers }),
    };
    this.m.build.set({ component: 'pilot', tag: istioVersion }, 1);
    this.m.start.set(Math.floor(startedAt));
    this.m.services.set(view.services);
    this.m.virtualServices.set(view.virtualServices);
    this.m.validationPassed.inc(
      { group: 'networking.istio.io', version: 'v1', resource: 'virtualservices' },
      view.virtualServices
    );
    this.m.cfgEvents.inc({ type: 'VirtualService', event: 'add' }, view.virtualServices);
    const proxies = view.proxies();
    this.m.injectionRequests.inc(proxies);
    this.m.injectionSuccess.inc(proxies);
    this.m.csr.inc(proxies);
    this.m.issued.inc(proxies);
  }

  setConvergence(d: LogNormal, now: number): void {
    this.advance(now);
    this.convergence = d;
  }

  setRejecting(proxyIds: string[], now: number): void {
    this.advance(now);
    this.rejecting = proxyIds;
    this.m.ldsReject.reset();
    for (const node of proxyIds) {
      this.m.ldsReject.set(
        { node, err: 'Error adding/updating listener(s) virtualInbound: duplicate listener filter chain match' },
        1
      );
    }
  }

  truth(): IstiodTruth {
    const proxies = this.view.proxies();
    return {
      pod: this.pod.name,
      proxies,
      services: this.view.services,
      virtualServices: this.view.virtualServices,
      pushTriggersPerSecond: 1 / PUSH_PERIOD_S,
      convergencesPerSecond: proxies / PUSH_PERIOD_S,
    };
  }

  /** Replays the pushes that happened since the last scrape. */
  private advance(now: number): void {
    const m = this.m;
    const proxies = this.view.proxies();
    // After a long pause without scrapes, replay only the last five minutes.
    this.lastPush = Math.max(this.lastPush, now - 300);
    while (this.lastPush + PUSH_PERIOD_S <= now) {
      this.lastPush += PUSH_PERIOD_S;
      const trigger = this.random() < 0.8 ? 'endpoint' : 'config';
      m.triggers.inc({ type: trigger });
      m.regEvents.inc({ type: 'EndpointSlice', event: 'update' });
      if (trigger === 'config') {
        m.cfgEvents.inc({ type: 'VirtualService', event: 'update' });
      }
      const types = trigger === 'endpoint' ? (['eds'] as const) : SHORT_TYPES;
      for (const t of types) {
        m.pushes.inc({ type: t }, proxies);
        m.pushTime.observe({ type: t }, 0.002 + this.random() * 0.02);
        m.configSize.observe({ type: TYPE_URLS[t] }, 2000 + this.random() * 40000);
      }
      for (let i = 0; i < proxies; i++) {
        m.convergence.observe(Math.exp(this.convergence.mu + this.convergence.sigma * gaussian(this.random)));
      }
      if (this.rejecting.length > 0) {
        m.rejects.inc({ type: 'lds' }, this.rejecting.length);
      }
      m.gc.observe(0.0001 + this.random() * 0.0008);
    }
    const uptime = now - this.startedAt;
    m.xds.set({ version: this.istioVersion }, proxies);
    m.goroutines.set(200 + proxies * 6);
    m.heap.set(60_000_000 + proxies * 400_000);
    m.rss.set(120_000_000 + proxies * 600_000);
    m.fds.set(40 + proxies);
    m.cpu.reset();
    m.cpu.inc(uptime * (0.01 + proxies * 0.0005));
  }

  visible(): boolean {
    return true;
  }

  async render(now: number, out: ExpositionWriter): Promise<void> {
    this.advance(now);
    out.text(await this.registry.metrics());
  }
}

/** Box–Muller: a standard normal sample from two uniforms. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
