import { DataFrame } from '@grafana/data';
import { TopologyOptions } from '../../options';
import { healthOf } from './health';
import { destinationNode, namespaceKey, namespaceNode, NodeRef, serviceNodeOf, sourceNode } from './identity';
import { edgeLatency } from './latency';
import { pickReporter } from './reporter';
import { roleOf } from './roles';
import { framesToSamples, Sample } from './samples';
import { Protocol, TopologyEdge, TopologyGraph, TopologyNode } from './types';

interface Figures {
  requests: number;
  errors: number;
  clientErrors: number;
  mtls: number;
  securityKnown: number;
  bytes: number;
  buckets: Map<number, number>;
}

interface EdgeAcc {
  source: NodeRef;
  target: NodeRef;
  protocol: Protocol;
  requests: Map<string, Figures>;
  tcp: Map<string, Figures>;
  latency: Map<string, Figures>;
}

const ENDPOINT_LABELS = [
  'source_workload',
  'source_app',
  'destination_workload',
  'destination_service',
  'destination_service_name',
  'destination_app',
];

const newFigures = (): Figures => ({
  requests: 0,
  errors: 0,
  clientErrors: 0,
  mtls: 0,
  securityKnown: 0,
  bytes: 0,
  buckets: new Map(),
});

function protocolOf(sample: Sample, role: string): Protocol {
  if (role === 'tcpBytes') {
    return 'tcp';
  }
  const p = sample.labels.request_protocol;
  return p === 'grpc' || p === 'tcp' ? p : 'http';
}

function isError(labels: Record<string, string>): boolean {
  const code = labels.response_code;
  if (code !== undefined && (code === '0' || code.startsWith('5'))) {
    return true;
  }
  const grpc = labels.grpc_response_status;
  return labels.request_protocol === 'grpc' && grpc !== undefined && grpc !== '' && grpc !== '0';
}

function figuresFor(map: Map<string, Figures>, reporter: string): Figures {
  let f = map.get(reporter);
  if (!f) {
    f = newFigures();
    map.set(reporter, f);
  }
  return f;
}

function add(acc: EdgeAcc, role: string, sample: Sample): void {
  const reporter = sample.labels.reporter ?? '';
  const labels = sample.labels;
  const v = sample.value;
  if (role === 'requests') {
    const f = figuresFor(acc.requests, reporter);
    f.requests += v;
    f.errors += isError(labels) ? v : 0;
    f.clientErrors += labels.response_code?.startsWith('4') ? v : 0;
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
      const buckets = figuresFor(acc.latency, reporter).buckets;
      buckets.set(le, (buckets.get(le) ?? 0) + v);
    }
  }
}

const chosen = (map: Map<string, Figures>): [string, Figures | undefined] => {
  const reporter = pickReporter(map.keys());
  return [reporter, map.get(reporter)];
};

function finishEdge(id: string, acc: EdgeAcc, options: TopologyOptions): TopologyEdge {
  const [requestReporter, req] = chosen(acc.requests);
  const [tcpReporter, tcp] = chosen(acc.tcp);
  const [, lat] = chosen(acc.latency);
  const rate = req?.requests ?? 0;
  const errorShare = rate > 0 ? req!.errors / rate : 0;
  const clientErrorShare = rate > 0 ? req!.clientErrors / rate : 0;
  const latency = lat ? edgeLatency(lat.buckets) : {};
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
    reporter: isTcp ? tcpReporter : requestReporter,
    health: 'none',
  };
  edge.health = healthOf(
    isTcp ? { traffic: bytesRate } : { traffic: rate, errorShare, clientErrorShare, p95: edge.p95 },
    options
  );
  return edge;
}

function nodeFrom(ref: NodeRef): TopologyNode {
  return { ...ref, inRate: 0, outRate: 0, health: 'idle' };
}

function finishNodes(refs: Map<string, NodeRef>, edges: TopologyEdge[], options: TopologyOptions): TopologyNode[] {
  const nodes = new Map<string, TopologyNode>();
  refs.forEach((ref, id) => nodes.set(id, nodeFrom(ref)));
  const inErrors = new Map<string, number>();
  const outErrors = new Map<string, number>();
  for (const e of edges) {
    nodes.get(e.source)!.outRate += e.rate;
    nodes.get(e.target)!.inRate += e.rate;
    outErrors.set(e.source, (outErrors.get(e.source) ?? 0) + e.rate * e.errorShare);
    inErrors.set(e.target, (inErrors.get(e.target) ?? 0) + e.rate * e.errorShare);
  }
  const hasTraffic = new Set<string>();
  for (const e of edges) {
    if (e.rate > 0 || e.bytesRate > 0) {
      hasTraffic.add(e.source).add(e.target);
    }
  }
  nodes.forEach((n) => {
    const [rate, errors] = n.inRate > 0 ? [n.inRate, inErrors.get(n.id) ?? 0] : [n.outRate, outErrors.get(n.id) ?? 0];
    n.errorShare = rate > 0 ? errors / rate : undefined;
    n.health =
      hasTraffic.has(n.id) && rate === 0 ? 'none' : healthOf({ traffic: rate, errorShare: n.errorShare }, options);
  });
  return Array.from(nodes.values()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Hop {
  source: NodeRef;
  target: NodeRef;
}

/** Turns Istio metric frames into the graph; never throws, reports what it dropped in `notices`. */
export function istioFramesToGraph(frames: DataFrame[], options: TopologyOptions): TopologyGraph {
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
    if (!ENDPOINT_LABELS.some((l) => sample.labels[l])) {
      unlabelled++;
      continue;
    }
    withoutReporter += sample.labels.reporter === undefined ? 1 : 0;
    const source = sourceNode(sample.labels, options.nodeKind);
    const target = destinationNode(sample.labels, options.nodeKind);
    distinct.add(source.id).add(target.id);
    kept.push({ sample, role, source, target });
  }
  const collapseAll = distinct.size > options.maxNodes;
  const collapsed = new Set(options.collapsedNamespaces);
  const fold = (ref: NodeRef): NodeRef =>
    ref.namespace !== '' && (collapseAll || collapsed.has(namespaceKey(ref.cluster, ref.namespace)))
      ? namespaceNode(ref)
      : ref;

  const refs = new Map<string, NodeRef>();
  const accs = new Map<string, EdgeAcc>();
  for (const { sample, role, source, target } of kept) {
    const protocol = protocolOf(sample, role);
    const from = fold(source);
    const to = fold(target);
    const service = options.serviceNodes && !collapseAll ? serviceNodeOf(target) : undefined;
    const hops: Hop[] =
      service && !collapsed.has(namespaceKey(service.cluster, service.namespace))
        ? [
            { source: from, target: service },
            { source: service, target: to },
          ]
        : [{ source: from, target: to }];
    for (const hop of hops) {
      refs.set(hop.source.id, hop.source);
      refs.set(hop.target.id, hop.target);
      const id = `${hop.source.id}->${hop.target.id}:${protocol}`;
      let acc = accs.get(id);
      if (!acc) {
        acc = {
          source: hop.source,
          target: hop.target,
          protocol,
          requests: new Map(),
          tcp: new Map(),
          latency: new Map(),
        };
        accs.set(id, acc);
      }
      add(acc, role, sample);
    }
  }
  const edges = Array.from(accs, ([id, acc]) => finishEdge(id, acc, options)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const nodes = finishNodes(refs, edges, options);

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
