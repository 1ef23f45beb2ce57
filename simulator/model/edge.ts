// One edge of the mesh at run time: its current behaviour (after scenarios), the series it has
// created so far, and the integration of its rate into those series.
import { ENVOY_DEFAULT_BUCKETS } from '../spec/buckets';
import type { EdgeSpec } from '../topology/types';
import { type LogNormal, logNormal } from '../util/distribution';
import { HistogramAccumulator } from './accumulators';
import type { Hop } from './identity';
import { type Integral, noiseIntegral } from './noise';

export interface EdgeBehaviour {
  rate: number;
  errorRate: number;
  latency: LogNormal;
  mtls: boolean;
  destinationDown: boolean;
  /** The source has no pods left, so nothing is sent. */
  sourceDown: boolean;
}

/** One combination of response code / gRPC status / flags, with its share of the traffic. */
export interface Outcome {
  code: string;
  grpcStatus: string;
  flags: string;
  share: number;
  error: boolean;
}

export const REQUEST_SIZE_SPREAD = 1.6; // p90/p50 of request and response sizes

export function outcomes(spec: EdgeSpec, b: EdgeBehaviour): Outcome[] {
  const ok = b.destinationDown ? 0 : 1 - b.errorRate;
  const o = (code: string, grpcStatus: string, flags: string, share: number, error: boolean): Outcome => ({
    code,
    grpcStatus,
    flags,
    share,
    error,
  });
  switch (spec.protocol) {
    case 'tcp':
      return [o('', '', '-', ok, false), o('', '', 'UF', 1 - ok, true)];
    case 'grpc':
      // Envoy answers gRPC with HTTP 200 and the failure in grpc-status (14 = UNAVAILABLE).
      return [o('200', '0', '-', ok, false), o('200', '14', b.destinationDown ? 'UH' : '-', 1 - ok, true)];
    default:
      if (spec.egress?.cluster === 'BlackHoleCluster') {
        return [o('502', '', '-', 1, true)];
      }
      // A quarter of the failures get no response at all: Envoy reports response code 0 when the downstream
      // disconnects first (DC), which counts as an error although no 5xx was sent.
      return b.destinationDown
        ? [o('503', '', 'UH', 1, true)]
        : [
            o('200', '', '-', ok, false),
            o('503', '', '-', (1 - ok) * 0.75, true),
            o('0', '', 'DC', (1 - ok) * 0.25, true),
          ];
  }
}

/** Floats for one label combination of one edge; shared by every reporter that sees it. */
export class Series {
  total = 0;
  closed = 0;
  sentBytes = 0;
  receivedBytes = 0;
  readonly duration?: HistogramAccumulator;
  readonly requestSize?: HistogramAccumulator;
  readonly responseSize?: HistogramAccumulator;

  constructor(
    readonly outcome: Outcome,
    readonly hop: Hop,
    edge: EdgeRuntime
  ) {
    if (edge.spec.protocol !== 'tcp') {
      this.duration = new HistogramAccumulator(ENVOY_DEFAULT_BUCKETS, edge.behaviour.latency);
      this.requestSize = new HistogramAccumulator(ENVOY_DEFAULT_BUCKETS, edge.requestSize);
      this.responseSize = new HistogramAccumulator(ENVOY_DEFAULT_BUCKETS, edge.responseSize);
    }
  }
}

/** gRPC message counters carry no response labels, so they accumulate per hop variant only. */
export class MessageSeries {
  requests = 0;
  responses = 0;
  constructor(readonly hop: Hop) {}
}

/** Called once per new series so the mesh can attach it to the targets that report it. */
export interface SeriesSink {
  series(edge: EdgeRuntime, s: Series): void;
  messages(edge: EdgeRuntime, m: MessageSeries): void;
}

export class EdgeRuntime {
  behaviour: EdgeBehaviour;
  readonly requestSize: LogNormal;
  readonly responseSize: LogNormal;
  private readonly integral: Integral;
  private readonly series = new Map<string, Series>();
  private readonly messageSeries = new Map<string, MessageSeries>();
  private current: Array<{ s: Series; share: number }> = [];
  private currentMessages?: MessageSeries;
  private lastT: number;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly spec: EdgeSpec,
    readonly hopFor: (b: EdgeBehaviour) => Hop,
    private readonly sink: SeriesSink,
    seed: number,
    now: number
  ) {
    this.behaviour = EdgeRuntime.baseline(spec);
    this.requestSize = logNormal(spec.requestBytes ?? 500, (spec.requestBytes ?? 500) * REQUEST_SIZE_SPREAD);
    this.responseSize = logNormal(spec.responseBytes ?? 1000, (spec.responseBytes ?? 1000) * REQUEST_SIZE_SPREAD);
    this.integral = noiseIntegral(id, seed);
    this.lastT = now;
    this.select();
  }

  static baseline(spec: EdgeSpec): EdgeBehaviour {
    const latency = spec.latency ?? { p50: 10, p90: 40 };
    return {
      rate: spec.rate,
      errorRate: spec.errorRate ?? 0,
      latency: logNormal(latency.p50, latency.p90),
      mtls: spec.mtls ?? spec.external === undefined,
      destinationDown: false,
      sourceDown: false,
    };
  }

  /** Integrates traffic up to `now` (seconds). Idempotent for equal times. */
  advance(now: number): void {
    if (now <= this.lastT) {
      return;
    }
    const b = this.behaviour;
    const requests = b.sourceDown ? 0 : b.rate * (this.integral(now) - this.integral(this.lastT));
    this.lastT = now;
    if (requests <= 0) {
      return;
    }
    // A connection stays open ~1 s, so closes trail opens by the open-connection count. Bytes are
    // tracked for every protocol because ztunnel reports HTTP hops as L4 bytes too.
    const open = Math.ceil(b.rate);
    for (const { s, share } of this.current) {
      const n = requests * share;
      s.total += n;
      s.closed = Math.max(s.closed, s.total - open * share);
      s.receivedBytes += n * this.requestSize.mean;
      s.sentBytes += n * this.responseSize.mean;
    }
    if (this.currentMessages) {
      const perRequest = this.spec.messagesPerRequest ?? 1;
      this.currentMessages.requests += requests * perRequest;
      this.currentMessages.responses += requests * perRequest;
    }
  }

  /** Switches behaviour at `now`; series keep their totals, new label combinations get new series. */
  setBehaviour(b: EdgeBehaviour, now: number): void {
    this.advance(now);
    const old = this.behaviour;
    const latencyChanged = b.latency.p50 !== old.latency.p50 || b.latency.p90 !== old.latency.p90;
    this.behaviour = b;
    if (latencyChanged) {
      for (const s of this.series.values()) {
        s.duration?.setDistribution(s.total, b.latency);
      }
    }
    this.select();
  }

  private select(): void {
    const b = this.behaviour;
    const hop = this.hopFor(b);
    const variant = `${hop.mtls}|${hop.destinationDown}`;
    this.current = outcomes(this.spec, b)
      .filter((o) => o.share > 0)
      .map((o) => {
        const key = `${variant}|${o.code}|${o.grpcStatus}|${o.flags}`;
        let s = this.series.get(key);
        if (!s) {
          s = new Series(o, hop, this);
          this.series.set(key, s);
          this.sink.series(this, s);
        }
        return { s, share: o.share };
      });
    if (this.spec.protocol === 'grpc') {
      let m = this.messageSeries.get(variant);
      if (!m) {
        m = new MessageSeries(hop);
        this.messageSeries.set(variant, m);
        this.sink.messages(this, m);
      }
      this.currentMessages = m;
    }
  }

  /** Current rate of one series, per second (0 once its label combination is no longer produced). */
  rateOf(s: Series): number {
    if (this.behaviour.sourceDown) {
      return 0;
    }
    const c = this.current.find((x) => x.s === s);
    return c ? this.behaviour.rate * c.share : 0;
  }

  allSeries(): IterableIterator<Series> {
    return this.series.values();
  }
}
