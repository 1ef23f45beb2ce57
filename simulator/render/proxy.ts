// Exposition of one Envoy-based pod (sidecar, gateway or waypoint) as pilot-agent's merged :15020
// scrape serves it: the agent's istio_agent_* block, then Envoy's /stats/prometheus body.
//
// Written by hand rather than with prom-client because (1) each pod is its own scrape target and a
// full scrape of a 2,000-workload mesh is over a gigabyte of text, which only byte copying keeps
// near what loopback HTTP itself costs (exposition-writer.ts), (2) Envoy prints no # HELP and
// prints `{}` on label-less samples, and (3) the istio_* label order must be Istio's, so each
// series' label set is encoded once, in that order, when the series appears.
import { ENVOY_DEFAULT_BUCKETS } from '../spec/buckets';
import {
  ISTIO_BUILD,
  REQUEST_BYTES,
  REQUEST_DURATION,
  REQUEST_MESSAGES,
  REQUESTS_TOTAL,
  RESPONSE_BYTES,
  RESPONSE_MESSAGES,
  TCP_CLOSED,
  TCP_OPENED,
  TCP_RECEIVED,
  TCP_SENT,
} from '../spec/istio-metrics';
import type { HistogramAccumulator } from '../model/accumulators';
import type { MessageSeries, Series } from '../model/edge';
import type { ExpositionWriter } from './exposition-writer';
import { formatLe, typeLine } from './text';

export interface TrafficEntry {
  series: Series;
  /** `a="x",b="y"` in Istio's order, encoded once when the series appears. */
  labels: Buffer;
  /** This pod's share of the edge (1 / replicas, or a node's share for ztunnel). */
  share: number;
  /** The edge's current rate for this series' outcome, per second. */
  rate: () => number;
}

export interface MessageEntry {
  series: MessageSeries;
  labels: Buffer;
  share: number;
}

const bytes = (s: string) => Buffer.from(s);
/** What follows the labels of a sample line, before its value. */
const CLOSE = bytes('} ');
const BUCKET_CLOSE = [...ENVOY_DEFAULT_BUCKETS, Infinity].map((b) => bytes(`,le="${formatLe(b)}"} `));

export type FamilyType = 'counter' | 'gauge' | 'histogram';

/**
 * One Envoy stat family. `sortKey` is the tag-extracted internal stat name: Envoy groups families
 * counters → gauges → histograms and orders each group by that name (spec §1), which is why
 * istio_requests_total sits between envoy_cluster_manager_* and envoy_listener_manager_*.
 */
export interface EnvoyFamily {
  name: string;
  type: FamilyType;
  sortKey: string;
  /** Appends the sample lines (without # TYPE); returns false when the family has no samples. */
  write(out: ExpositionWriter): boolean;
}

const TYPE_RANK: Record<FamilyType, number> = { counter: 0, gauge: 1, histogram: 2 };

/** Merges families of the same name (default and extended stats share some) and sorts them. */
export function arrangeFamilies(families: EnvoyFamily[]): EnvoyFamily[] {
  const byName = new Map<string, EnvoyFamily[]>();
  for (const f of families) {
    byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  }
  const merged = [...byName.values()].map((group): EnvoyFamily =>
    group.length === 1
      ? group[0]
      : {
          ...group[0],
          write(out) {
            let any = false;
            for (const f of group) {
              any = f.write(out) || any;
            }
            return any;
          },
        }
  );
  return merged.sort(
    (a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type] || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)
  );
}

/** `# TYPE` lines by family name (a name has one type). */
const typeLines = new Map<string, Buffer>();

export function writeFamilies(families: readonly EnvoyFamily[], out: ExpositionWriter): void {
  for (const f of families) {
    const start = out.mark();
    let type = typeLines.get(f.name);
    if (!type) {
      type = bytes(typeLine(f.name, f.type));
      typeLines.set(f.name, type);
    }
    out.bytes(type);
    if (!f.write(out)) {
      out.reset(start);
    }
  }
}

/** A counter over entries of one kind: `name{labels} floor(value × share)` per entry. */
function counterFamily<S>(
  name: string,
  entries: ReadonlyArray<{ series: S; labels: Buffer; share: number }>,
  value: (s: S) => number
): EnvoyFamily {
  const open = bytes(`${name}{`);
  return {
    name,
    type: 'counter',
    sortKey: `istiocustom.${name}`,
    write(out) {
      for (const e of entries) {
        out.sample(open, e.labels, CLOSE, Math.floor(value(e.series) * e.share));
      }
      return entries.length > 0;
    },
  };
}

function histogramFamily(
  name: string,
  entries: readonly TrafficEntry[],
  pick: (s: Series) => HistogramAccumulator | undefined
): EnvoyFamily {
  const bucketOpen = bytes(`${name}_bucket{`);
  const sumOpen = bytes(`${name}_sum{`);
  const countOpen = bytes(`${name}_count{`);
  const n = ENVOY_DEFAULT_BUCKETS.length;
  // What each entry last printed: its buckets, then _count. Flooring each bucket's fractional total on its own
  // could let a bucket grow more than _count between two scrapes (or, clamped to _count, shrink), which Envoy's
  // one-count-per-request never does; so each bucket moves towards its floor only within [last, last + grown].
  // Clamping is monotonic in both value and bounds, so buckets stay cumulative in `le` and never exceed _count.
  // Indexed like `entries`, which only ever grows at its end (a new series is appended to the pod it reports on).
  const printed: Float64Array[] = [];
  return {
    name,
    type: 'histogram',
    sortKey: `istiocustom.${name}`,
    write(out) {
      let any = false;
      for (let j = 0; j < entries.length; j++) {
        const e = entries[j];
        const h = pick(e.series);
        if (!h) {
          continue;
        }
        any = true;
        const total = e.series.total;
        const count = Math.floor(total * e.share);
        const last = (printed[j] ??= new Float64Array(n + 1));
        const grown = count - last[n];
        for (let i = 0; i < n; i++) {
          const v = Math.min(Math.max(Math.floor(h.bucket(i, total) * e.share), last[i]), last[i] + grown);
          last[i] = v;
          out.sample(bucketOpen, e.labels, BUCKET_CLOSE[i], v);
        }
        last[n] = count;
        out.sample(bucketOpen, e.labels, BUCKET_CLOSE[n], count);
        out.sample(sumOpen, e.labels, CLOSE, h.sum(total) * e.share);
        out.sample(countOpen, e.labels, CLOSE, count);
      }
      return any;
    },
  };
}

/** The ten istio_* standard metric families over a pod's traffic entries, plus istio_build. */
export function istioFamilies(
  http: TrafficEntry[],
  tcp: TrafficEntry[],
  messages: MessageEntry[],
  istioVersion: string
): EnvoyFamily[] {
  return [
    counterFamily(REQUESTS_TOTAL, http, (s) => s.total),
    histogramFamily(REQUEST_DURATION, http, (s) => s.duration),
    histogramFamily(REQUEST_BYTES, http, (s) => s.requestSize),
    histogramFamily(RESPONSE_BYTES, http, (s) => s.responseSize),
    counterFamily(REQUEST_MESSAGES, messages, (m: MessageSeries) => m.requests),
    counterFamily(RESPONSE_MESSAGES, messages, (m: MessageSeries) => m.responses),
    counterFamily(TCP_OPENED, tcp, (s) => s.total),
    counterFamily(TCP_CLOSED, tcp, (s) => s.closed),
    counterFamily(TCP_SENT, tcp, (s) => s.sentBytes),
    counterFamily(TCP_RECEIVED, tcp, (s) => s.receivedBytes),
    staticFamily(ISTIO_BUILD, 'gauge', 'istio.build', () => [[`component="proxy",tag="${istioVersion}"`, 1]]),
  ];
}

/** A family whose samples come from a function returning [labels, value] pairs. */
export function staticFamily(
  name: string,
  type: FamilyType,
  sortKey: string,
  samples: () => Array<[string, number]>
): EnvoyFamily {
  return {
    name,
    type,
    sortKey,
    write(out) {
      const s = samples();
      for (const [labels, v] of s) {
        out.text(`${name}{${labels}} `);
        out.valueLine(v);
      }
      return s.length > 0;
    },
  };
}
