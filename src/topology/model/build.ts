import { DataFrame } from '@grafana/data';
import { DEFAULT_ERROR_RULE, isClientError, isError } from '../../istio/semantics';
import { healthOf, Thresholds } from './health';
import { destinationNode, mergeRef, namespaceNode, NodeRef, serviceNodeOf, sourceNode } from './identity';
import { edgeLatency } from './latency';
import { ModelOptions } from './modelOptions';
import { pickReporter } from './reporter';
import { flagsOf, unreached } from './responseFlags';
import { foldAmbientL4 } from './ambient';
import { roleOf } from './roles';
import { framesToSamples, Sample } from './samples';
import { Protocol, TopologyEdge, TopologyGraph, TopologyNode } from './types';

/** One reporter's figures for one metric of an edge. */
interface Figures {
  reporter: string;
  requests: number;
  errors: number;
  clientErrors: number;
  mtls: number;
  securityKnown: number;
  bytes: number;
  unreached: number;
  /** Requests per response flag, made only when a flag is seen. */
  flags?: Map<string, number>;
  buckets?: Map<number, number>;
}

/**
 * Per metric, one Figures per reporter present: a short list searched linearly, since there are at most a few
 * reporters and a Map per edge and metric was most of the model's allocations at 20,000 edges.
 */
interface EdgeAcc {
  source: NodeRef;
  target: NodeRef;
  protocol: Protocol;
  requests: Figures[];
  tcp: Figures[];
  latency: Figures[];
}

const hasEndpoint = (labels: Record<string, string>) =>
  !!(
    labels.source_workload ||
    labels.source_app ||
    labels.destination_workload ||
    labels.destination_service ||
    labels.destination_service_name ||
    labels.destination_app
  );

const newFigures = (reporter: string): Figures => ({
  reporter,
  requests: 0,
  errors: 0,
  clientErrors: 0,
  mtls: 0,
  securityKnown: 0,
  bytes: 0,
  unreached: 0,
});

function protocolOf(sample: Sample, role: string): Protocol {
  if (role === 'tcpBytes') {
    return 'tcp';
  }
  const p = sample.labels.request_protocol;
  return p === 'grpc' || p === 'tcp' ? p : 'http';
}

function figuresFor(list: Figures[], reporter: string): Figures {
  for (const f of list) {
    if (f.reporter === reporter) {
      return f;
    }
  }
  const f = newFigures(reporter);
  list.push(f);
  return f;
}

function add(acc: EdgeAcc, role: string, sample: Sample): void {
  const reporter = sample.labels.reporter ?? '';
  const labels = sample.labels;
  const v = sample.value;
  if (role === 'requests') {
    const f = figuresFor(acc.requests, reporter);
    f.requests += v;
    // 4xx stay apart from errors here: the count4xx option adds them in the health colour only.
    f.errors += isError(labels, DEFAULT_ERROR_RULE) ? v : 0;
    f.clientErrors += isClientError(labels) ? v : 0;
    const flags = flagsOf(labels.response_flags);
    if (flags.length > 0) {
      f.unreached += unreached(labels.response_flags) ? v : 0;
      const counts = (f.flags ??= new Map());
      for (const flag of flags) {
        counts.set(flag, (counts.get(flag) ?? 0) + v);
      }
    }
    const policy = labels.connection_security_policy;
    if (policy === 'mutual_tls' || policy === 'none') {
      f.securityKnown += v;
      f.mtls += policy === 'mutual_tls' ? v : 0;
    }
  } else if (role === 'tcpBytes') {
    figuresFor(acc.tcp, reporter).bytes += v;
  } else {
    const le = Number(labels.le === '+Inf' ? Infinity : labels.le);
    if (!Number.isNaN(le)) {
      const f = figuresFor(acc.latency, reporter);
      const buckets = (f.buckets ??= new Map());
      buckets.set(le, (buckets.get(le) ?? 0) + v);
    }
  }
}

const chosen = (list: Figures[]): Figures | undefined => {
  const reporter = pickReporter(list.map((f) => f.reporter));
  return list.find((f) => f.reporter === reporter);
};

function flagShares(req: Figures | undefined, rate: number): TopologyEdge['responseFlags'] {
  if (!req?.flags || rate === 0) {
    return [];
  }
  return Array.from(req.flags, ([flag, n]) => ({ flag, share: n / rate })).sort(
    (a, b) => b.share - a.share || (a.flag < b.flag ? -1 : 1)
  );
}

function finishEdge(id: string, acc: EdgeAcc, options: ModelOptions): TopologyEdge {
  const req = chosen(acc.requests);
  const tcp = chosen(acc.tcp);
  const lat = chosen(acc.latency);
  const rate = req?.requests ?? 0;
  const errorShare = rate > 0 ? req!.errors / rate : undefined;
  const clientErrorShare = rate > 0 ? req!.clientErrors / rate : undefined;
  const latency = lat?.buckets ? edgeLatency(lat.buckets) : {};
  const bytesRate = tcp?.bytes ?? 0;
  const isTcp = acc.protocol === 'tcp';
  const edge: TopologyEdge = {
    id,
    source: acc.source.id,
    target: acc.target.id,
    protocol: acc.protocol,
    rate,
    errorShare,
    clientErrorShare,
    ...latency,
    bytesRate,
    mtlsShare: req && req.securityKnown > 0 ? req.mtls / req.securityKnown : undefined,
    unreachedShare: rate > 0 ? req!.unreached / rate : 0,
    responseFlags: flagShares(req, rate),
    reporter: (isTcp ? tcp?.reporter : req?.reporter) ?? '',
    health: 'none',
  };
  edge.health = healthOf(
    isTcp ? { traffic: bytesRate } : { traffic: rate, errorShare, clientErrorShare, p95: edge.p95 },
    options
  );
  return edge;
}

function nodeFrom(ref: NodeRef): TopologyNode {
  return {
    cluster: ref.cluster,
    namespace: ref.namespace,
    workload: ref.workload,
    app: ref.app,
    version: ref.version,
    service: ref.service,
    id: ref.id,
    kind: ref.kind,
    special: ref.special,
    label: ref.label,
    inRate: 0,
    outRate: 0,
    health: 'idle',
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Node figures from the finished edges; `from`/`to` are the edges' node indexes into `refs`. Sorted by id. */
export function finishNodes(
  refs: NodeRef[],
  edges: TopologyEdge[],
  from: Int32Array,
  to: Int32Array,
  options: Thresholds
): TopologyNode[] {
  const nodes = refs.map(nodeFrom);
  const inErrors = new Float64Array(refs.length);
  const outErrors = new Float64Array(refs.length);
  const hasTraffic = new Uint8Array(refs.length);
  const inUnreached = new Float64Array(refs.length);
  // Requests whose mTLS is known, and of those over mutual TLS, coming in and going out.
  const security = [new Float64Array(refs.length), new Float64Array(refs.length)];
  const mtls = [new Float64Array(refs.length), new Float64Array(refs.length)];
  edges.forEach((e, i) => {
    nodes[from[i]].outRate += e.rate;
    nodes[to[i]].inRate += e.rate;
    // An edge without an error share has no requests: it adds nothing to either sum.
    outErrors[from[i]] += e.rate * (e.errorShare ?? 0);
    inErrors[to[i]] += e.rate * (e.errorShare ?? 0);
    inUnreached[to[i]] += e.rate * e.unreachedShare;
    if (e.mtlsShare !== undefined) {
      [to[i], from[i]].forEach((node, side) => {
        security[side][node] += e.rate;
        mtls[side][node] += e.rate * e.mtlsShare!;
      });
    }
    if (e.rate > 0 || e.bytesRate > 0) {
      hasTraffic[from[i]] = hasTraffic[to[i]] = 1;
    }
  });
  nodes.forEach((n, i) => {
    const [rate, errors] = n.inRate > 0 ? [n.inRate, inErrors[i]] : [n.outRate, outErrors[i]];
    n.errorShare = rate > 0 ? errors / rate : undefined;
    n.unreachedShare = n.inRate > 0 ? inUnreached[i] / n.inRate : undefined;
    const side = security[0][i] > 0 ? 0 : 1;
    n.mtlsShare = security[side][i] > 0 ? mtls[side][i] / security[side][i] : undefined;
    n.health = hasTraffic[i] && rate === 0 ? 'none' : healthOf({ traffic: rate, errorShare: n.errorShare }, options);
  });
  return nodes.sort(byId);
}

const PROTOCOL_CODE: Record<Protocol, number> = { http: 0, grpc: 1, tcp: 2, unknown: 3 };
/** Edge keys are numbers built from node indexes: string keys were most of the time spent per series. */
const NODE_CODE_SPAN = 2 ** 22;

/** Turns Istio metric frames into the graph; never throws, reports what it dropped in `notices`. */
export function istioFramesToGraph(frames: DataFrame[], options: ModelOptions): TopologyGraph {
  const notices: string[] = [];
  let invalid = 0;
  let unlabelled = 0;
  let withoutReporter = 0;
  const kept: Array<{ sample: Sample; role: string; source: NodeRef; target: NodeRef }> = [];
  const distinct = new Set<string>();
  for (const sample of framesToSamples(frames)) {
    const role = roleOf(sample, options.queryRoles);
    if (role === 'ignore') {
      continue;
    }
    if (!Number.isFinite(sample.value) || sample.value < 0) {
      invalid++;
      continue;
    }
    if (!hasEndpoint(sample.labels)) {
      unlabelled++;
      continue;
    }
    withoutReporter += sample.labels.reporter === undefined ? 1 : 0;
    const source = sourceNode(sample.labels, options.nodeKind);
    const target = destinationNode(sample.labels, options.nodeKind);
    distinct.add(source.id).add(target.id);
    kept.push({ sample, role, source, target });
  }
  // Past the limit the model itself draws namespaces, since a graph that large would not be built in time; the
  // namespaces the user collapses are folded later, on the built graph (overview.ts), so expanding one is instant.
  const collapseAll = distinct.size > options.maxNodes;
  // Waypoints stay themselves, so that ztunnel's legs through them can still be folded (ambient.ts).
  const fold = (ref: NodeRef): NodeRef =>
    ref.namespace !== '' && collapseAll && ref.special !== 'waypoint' ? namespaceNode(ref) : ref;

  const refs: NodeRef[] = [];
  const slots = new Map<string, number>();
  const slot = (ref: NodeRef): number => {
    const i = slots.get(ref.id);
    if (i === undefined) {
      slots.set(ref.id, refs.length);
      // A copy, as merging writes into it and the series' own refs stay as they were read.
      return refs.push({ ...ref }) - 1;
    }
    mergeRef(refs[i], ref);
    return i;
  };
  const accs = new Map<number, EdgeAcc & { from: number; to: number }>();
  type Entry = (typeof kept)[number];
  const hop = (source: NodeRef, target: NodeRef, protocol: Protocol, { role, sample }: Entry) => {
    const from = slot(source);
    const to = slot(target);
    const key = (from * NODE_CODE_SPAN + to) * 4 + PROTOCOL_CODE[protocol];
    let acc = accs.get(key);
    if (!acc) {
      acc = { source, target, protocol, from, to, requests: [], tcp: [], latency: [] };
      accs.set(key, acc);
    }
    add(acc, role, sample);
  };
  const requestEdge = (pair: number, protocol: Protocol) => {
    const acc = accs.get(pair + PROTOCOL_CODE[protocol]);
    return acc && acc.requests.length > 0 ? acc : undefined;
  };
  // Latency alone never makes an edge (it would be drawn at 0 rps); without a protocol it can only be told apart
  // when the pair has one request edge.
  const attachLatency = (source: NodeRef, target: NodeRef, protocol: Protocol | undefined, { sample }: Entry) => {
    const from = slots.get(source.id);
    const to = slots.get(target.id);
    if (from === undefined || to === undefined) {
      return;
    }
    const pair = (from * NODE_CODE_SPAN + to) * 4;
    const first = requestEdge(pair, protocol ?? 'http');
    const grpc = protocol ? undefined : requestEdge(pair, 'grpc');
    const acc = first && grpc ? undefined : (first ?? grpc);
    if (acc) {
      add(acc, 'latency', sample);
    }
  };
  const route = <P extends Protocol | undefined>(
    entry: Entry,
    protocol: P,
    visit: (source: NodeRef, target: NodeRef, protocol: P, entry: Entry) => void
  ) => {
    const from = fold(entry.source);
    const to = fold(entry.target);
    const service = options.serviceNodes && !collapseAll ? serviceNodeOf(entry.target) : undefined;
    if (service) {
      visit(from, service, protocol, entry);
      visit(service, to, protocol, entry);
    } else {
      visit(from, to, protocol, entry);
    }
  };
  const latency: Entry[] = [];
  for (const entry of kept) {
    if (entry.role === 'latency') {
      latency.push(entry);
    } else {
      route(entry, protocolOf(entry.sample, entry.role), hop);
    }
  }
  // After all request series, so that latency finds the edges they drew.
  for (const entry of latency) {
    const known = entry.sample.labels.request_protocol ? protocolOf(entry.sample, entry.role) : undefined;
    route(entry, known, attachLatency);
  }
  const finished = foldAmbientL4(
    Array.from(accs.values(), (acc) => ({
      edge: finishEdge(`${acc.source.id}->${acc.target.id}:${acc.protocol}`, acc, options),
      from: acc.from,
      to: acc.to,
    })),
    (node) => refs[node].special === 'waypoint'
  ).sort((a, b) => (a.edge.id < b.edge.id ? -1 : 1));
  const edges = finished.map((f) => f.edge);
  // Every node had an edge before folding; a waypoint whose legs were all folded has none left and is not drawn.
  const index = new Int32Array(refs.length).fill(-1);
  for (const f of finished) {
    index[f.from] = index[f.to] = 0;
  }
  const used: NodeRef[] = [];
  refs.forEach((ref, i) => {
    if (index[i] === 0) {
      index[i] = used.push(ref) - 1;
    }
  });
  const nodes = finishNodes(
    used,
    edges,
    Int32Array.from(finished, (f) => index[f.from]),
    Int32Array.from(finished, (f) => index[f.to]),
    options
  );

  if (invalid > 0) {
    notices.push(`${invalid} series with a NaN, infinite or negative value were left out.`);
  }
  if (unlabelled > 0) {
    notices.push(`${unlabelled} series without source or destination labels were left out.`);
  }
  if (withoutReporter > 0) {
    notices.push(
      `${withoutReporter} series have no reporter label: if the query sums over reporters, rates are counted twice. Add reporter to the by (…) clause.`
    );
  }
  const degraded = collapseAll
    ? `${distinct.size} nodes exceed the limit of ${options.maxNodes}: each namespace is drawn as one node. Filter the query or raise the limit.`
    : undefined;
  return { nodes, edges, notices, degraded };
}
