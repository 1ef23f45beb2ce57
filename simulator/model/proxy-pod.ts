// A pod whose istio-proxy is Envoy: a sidecar, a gateway or a waypoint.
import type { Reporter } from '../spec/labels';
import { writeAgent } from '../render/agent';
import type { ExpositionWriter } from '../render/exposition-writer';
import { type ClusterView, defaultFamilies, extendedFamilies, wasmFamilies, zoneFamilies } from '../render/envoy-stats';
import {
  arrangeFamilies,
  type EnvoyFamily,
  istioFamilies,
  type MessageEntry,
  type TrafficEntry,
  writeFamilies,
} from '../render/proxy';
import type { WorkloadSpec } from '../topology/types';
import { hash32 } from '../util/random';
import { type PodInfo, podPath, podTargetLabels, type ScrapeTarget, TEXT_CONTENT_TYPE } from './target';

export interface ProxyEntryMeta {
  reporter: Reporter;
  cluster: string;
  /** Upstream zones the entry's requests reach and their shares (Mesh.zoneSplit). */
  zones: ReadonlyArray<[string, number]>;
}

export class ProxyPod implements ScrapeTarget {
  readonly path: string;
  readonly targetLabels: Record<string, string>;
  readonly contentType = TEXT_CONTENT_TYPE;
  readonly http: TrafficEntry[] = [];
  readonly tcp: TrafficEntry[] = [];
  readonly messages: MessageEntry[] = [];
  private readonly meta = new Map<TrafficEntry, ProxyEntryMeta>();
  private families: EnvoyFamily[];
  /** The extended stats' view of this pod's traffic; undefined while proxyStatsMatcher leaves them off. */
  private readonly view?: ClusterView;
  /** Upstream zones this pod's per-zone stats exist for: a zone's families appear with its first request. */
  private readonly upstreamZones = new Set<string>();
  private scrapes = 0;
  /** Rejected LDS pushes so far, and the rate they accrue at while the xds-rejects scenario runs. */
  private rejected = 0;
  private rejectRate = 0;
  private lastT: number;
  private now: number;

  constructor(
    readonly pod: PodInfo,
    readonly workload: WorkloadSpec,
    readonly isUp: () => boolean,
    istioVersion: string,
    clusterCount: number,
    private readonly startedAt: number,
    endpoints: (cluster: string) => number
  ) {
    this.path = podPath(pod, '/stats/prometheus');
    this.targetLabels = podTargetLabels(pod);
    this.lastT = startedAt;
    this.now = startedAt;
    const families = [
      ...istioFamilies(this.http, this.tcp, this.messages, istioVersion),
      ...defaultFamilies({
        startedAt,
        now: () => this.now,
        ldsRejected: () => this.rejected,
        clusterCount,
        listenerCount: 4 + clusterCount,
      }),
    ];
    if (workload.extendedStats) {
      this.view = {
        entries: this.http,
        reporter: (e) => this.meta.get(e)?.reporter ?? 'source',
        cluster: (e) => this.meta.get(e)?.cluster ?? 'unknown',
        inboundPrefix: `inbound_0.0.0.0_${workload.port ?? 8080}`,
        endpoints,
        localZone: pod.locality.zone,
        zones: (e) => this.meta.get(e)?.zones ?? [],
      };
      families.push(...extendedFamilies(this.view));
    }
    if (workload.wasmExtensions?.length) {
      families.push(...wasmFamilies(workload.wasmExtensions));
    }
    this.families = arrangeFamilies(families);
  }

  add(kind: 'http' | 'tcp', entry: TrafficEntry, meta: ProxyEntryMeta): void {
    this[kind].push(entry);
    this.meta.set(entry, meta);
    const fresh = kind === 'http' && this.view ? meta.zones.filter(([z]) => !this.upstreamZones.has(z)) : [];
    for (const [zone] of fresh) {
      this.upstreamZones.add(zone);
      this.families.push(...zoneFamilies(this.view!, zone));
    }
    if (fresh.length > 0) {
      this.families = arrangeFamilies(this.families);
    }
  }

  /** Requests (or connections) per second this pod handles, for cAdvisor CPU. */
  load(): number {
    // Called per node per scrape for cAdvisor CPU over every entry of the pod: no intermediate arrays.
    let rps = 0;
    for (const e of this.http) {
      rps += e.rate() * e.share;
    }
    for (const e of this.tcp) {
      rps += e.rate() * e.share;
    }
    return rps;
  }

  setRejecting(perSecond: number, now: number): void {
    this.advance(now);
    this.rejectRate = perSecond;
  }

  private advance(now: number): void {
    if (now > this.lastT) {
      this.rejected += (now - this.lastT) * this.rejectRate;
      this.lastT = now;
    }
    this.now = now;
  }

  visible(): boolean {
    return this.isUp();
  }

  /**
   * `merged` is pilot-agent's :15020 scrape (its own istio_agent_* families, then Envoy's); `envoy` is Envoy's own
   * :15090 endpoint, which carries no istio_agent_* family.
   */
  render(now: number, out: ExpositionWriter, part: 'merged' | 'envoy' = 'merged'): void {
    this.advance(now);
    this.scrapes++;
    if (part === 'merged') {
      writeAgent(
        { startedAt: this.startedAt, scrapes: this.scrapes, jitter: (hash32(this.pod.name) % 1000) / 1000 },
        now,
        out
      );
    }
    writeFamilies(this.families, out);
  }
}
