import { finishNodes } from './build';
import { healthOf, Thresholds } from './health';
import { groupOf, namespaceNode } from './identity';
import { Protocol, TopologyEdge, TopologyGraph, TopologyNode } from './types';

/** A graph with some groups folded into one node each, and where each of its nodes came from. */
export interface CollapsedGraph {
  graph: TopologyGraph;
  /** Per node of `graph`: its index in the full graph, or -1 for a collapsed group's node. */
  origin: Int32Array;
  /** Per node of `graph`: the group it stands for when it is a collapsed group's node, else ''. */
  group: string[];
}

/** The node a collapsed group is drawn as: its namespace, with its cluster, as the model draws one past maxNodes. */
const groupNode = (member: TopologyNode): TopologyNode => ({
  ...namespaceNode(member),
  inRate: 0,
  outRate: 0,
  health: 'idle',
});

/** The bundle's one protocol: the members' when they agree, else that of the requests it carries. */
function bundleProtocol(members: TopologyEdge[]): Protocol {
  const protocols = new Set(members.map((e) => e.protocol));
  if (protocols.size === 1) {
    return members[0].protocol;
  }
  protocols.delete('tcp');
  return protocols.size === 1 ? [...protocols][0] : 'unknown';
}

/** Request-weighted mean of `share` over the members that have one; undefined when none has. */
function weighted(members: TopologyEdge[], share: (e: TopologyEdge) => number | undefined): number | undefined {
  let requests = 0;
  let weight = 0;
  for (const e of members) {
    const s = share(e);
    if (s !== undefined) {
      requests += e.rate;
      weight += e.rate * s;
    }
  }
  return requests > 0 ? weight / requests : undefined;
}

/** The worst (highest) of a percentile over the members: a bundle is as slow as its slowest call. */
function worst(members: TopologyEdge[], p: 'p50' | 'p95' | 'p99'): TopologyEdge | undefined {
  let slowest: TopologyEdge | undefined;
  for (const e of members) {
    if (e[p] !== undefined && (slowest === undefined || e[p]! > slowest[p]!)) {
      slowest = e;
    }
  }
  return slowest;
}

function flags(members: TopologyEdge[], rate: number): TopologyEdge['responseFlags'] {
  const requests = new Map<string, number>();
  for (const e of members) {
    for (const { flag, share } of e.responseFlags) {
      requests.set(flag, (requests.get(flag) ?? 0) + share * e.rate);
    }
  }
  return Array.from(requests, ([flag, n]) => ({ flag, share: n / rate })).sort(
    (a, b) => b.share - a.share || (a.flag < b.flag ? -1 : 1)
  );
}

/**
 * One edge for all member edges between the same two drawn nodes, whatever their protocol: rates and TCP bytes
 * summed, error, 4xx, mTLS and unreached shares weighted by requests over the members that carry them (none: no
 * data, as for one edge), and the worst of each percentile.
 */
function bundleEdges(id: string, source: string, target: string, members: TopologyEdge[], t: Thresholds) {
  const rate = members.reduce((sum, e) => sum + e.rate, 0);
  const bytesRate = members.reduce((sum, e) => sum + e.bytesRate, 0);
  const p95 = worst(members, 'p95');
  const reporters = new Set(members.map((e) => e.reporter));
  const edge: TopologyEdge = {
    id,
    source,
    target,
    protocol: bundleProtocol(members),
    rate,
    errorShare: weighted(members, (e) => e.errorShare),
    clientErrorShare: weighted(members, (e) => e.clientErrorShare),
    p50: worst(members, 'p50')?.p50,
    p95: p95?.p95,
    p99: worst(members, 'p99')?.p99,
    latencyClamped: p95?.latencyClamped,
    bytesRate,
    mtlsShare: weighted(members, (e) => e.mtlsShare),
    unreachedShare: rate > 0 ? members.reduce((sum, e) => sum + e.rate * e.unreachedShare, 0) / rate : 0,
    responseFlags: rate > 0 ? flags(members, rate) : [],
    l4Folded: members.some((e) => e.l4Folded) || undefined,
    l4Estimated: members.some((e) => e.l4Estimated) || undefined,
    reporter: reporters.size === 1 ? members[0].reporter : '',
    health: 'none',
  };
  const onlyTcp = edge.protocol === 'tcp';
  edge.health = healthOf(
    onlyTcp
      ? { traffic: bytesRate }
      : { traffic: rate, errorShare: edge.errorShare, clientErrorShare: edge.clientErrorShare, p95: edge.p95 },
    t
  );
  return edge;
}

/**
 * The graph with each group in `collapsed` drawn as one namespace node, and one bundled edge per ordered pair of
 * drawn nodes that has a collapsed group at either end (traffic inside a group is the group's edge to itself).
 * Nodes and edges outside collapsed groups are kept as they are. Pure: expanding a group is a new call, no new query.
 */
export function collapseGroups(full: TopologyGraph, collapsed: ReadonlySet<string>, t: Thresholds): CollapsedGraph {
  const groupNodes = new Map<string, TopologyNode>();
  const drawnId = full.nodes.map((n) => {
    const group = groupOf(n);
    if (!collapsed.has(group)) {
      return n.id;
    }
    let node = groupNodes.get(group);
    if (!node) {
      node = groupNode(n);
      groupNodes.set(group, node);
    }
    return node.id;
  });
  if (groupNodes.size === 0) {
    return { graph: full, origin: Int32Array.from(full.nodes, (_, i) => i), group: full.nodes.map(() => '') };
  }
  const indexOf = new Map(full.nodes.map((n, i) => [n.id, i]));
  const kept: TopologyEdge[] = [];
  const bundles = new Map<string, { source: string; target: string; members: TopologyEdge[] }>();
  for (const e of full.edges) {
    const source = drawnId[indexOf.get(e.source)!];
    const target = drawnId[indexOf.get(e.target)!];
    if (source === e.source && target === e.target) {
      kept.push(e);
      continue;
    }
    const key = `${source}->${target}`;
    const bundle = bundles.get(key) ?? { source, target, members: [] };
    bundle.members.push(e);
    bundles.set(key, bundle);
  }
  const bundled = Array.from(bundles, ([key, b]) => {
    const edge = bundleEdges('', b.source, b.target, b.members, t);
    edge.id = `${key}:${edge.protocol}`;
    return edge;
  });
  const edges = [...kept, ...bundled].sort((a, b) => (a.id < b.id ? -1 : 1));

  const drawnNodes = [...full.nodes.filter((_, i) => drawnId[i] === full.nodes[i].id), ...groupNodes.values()];
  // The group nodes' figures, from their edges as any node's are; the other nodes' figures are unchanged by bundling.
  const at = new Map(drawnNodes.map((n, i) => [n.id, i]));
  const figured = new Map(
    finishNodes(
      drawnNodes,
      edges,
      Int32Array.from(edges, (e) => at.get(e.source)!),
      Int32Array.from(edges, (e) => at.get(e.target)!),
      t
    ).map((n) => [n.id, n])
  );
  const groupOfNode = new Map(Array.from(groupNodes, ([group, n]) => [n.id, group]));
  const nodes = drawnNodes
    .map((n) => (groupOfNode.has(n.id) ? figured.get(n.id)! : n))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    graph: { ...full, nodes, edges },
    origin: Int32Array.from(nodes, (n) => (groupOfNode.has(n.id) ? -1 : indexOf.get(n.id)!)),
    group: nodes.map((n) => groupOfNode.get(n.id) ?? ''),
  };
}
