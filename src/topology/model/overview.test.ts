import { DEFAULT_OPTIONS } from '../../options';
import { collapseGroups } from './overview';
import { TopologyEdge, TopologyGraph, TopologyNode } from './types';

const t = DEFAULT_OPTIONS.topology;

const node = (namespace: string, workload: string): TopologyNode => ({
  id: namespace ? `wl:/${namespace}/${workload}` : `unknown:${workload}`,
  kind: 'workload',
  label: workload,
  cluster: '',
  namespace,
  workload,
  app: workload,
  version: '',
  service: '',
  inRate: 0,
  outRate: 0,
  health: 'healthy',
});

const edge = (source: TopologyNode, target: TopologyNode, over: Partial<TopologyEdge>): TopologyEdge => ({
  id: `${source.id}->${target.id}:${over.protocol ?? 'http'}`,
  source: source.id,
  target: target.id,
  protocol: 'http',
  rate: 0,
  bytesRate: 0,
  unreachedShare: 0,
  responseFlags: [],
  reporter: 'destination',
  health: 'healthy',
  ...over,
});

const web = node('shop', 'web');
const cart = node('shop', 'cart');
const db = node('shop', 'db');
const pay = node('pay', 'pay');
const fraud = node('pay', 'fraud');
const caller = node('', 'caller');

// shop → pay: 10 rps at 10 % errors, 30 rps at 0 %, plus TCP bytes; pay → shop: TCP only (no error data).
const graph: TopologyGraph = {
  nodes: [caller, cart, db, fraud, pay, web],
  edges: [
    edge(caller, web, { rate: 5, errorShare: 0, p95: 20 }),
    edge(web, cart, { rate: 40, errorShare: 0.05, p95: 12 }),
    edge(cart, db, { protocol: 'tcp', bytesRate: 700 }),
    edge(web, pay, {
      rate: 10,
      errorShare: 0.1,
      clientErrorShare: 0.2,
      p50: 10,
      p95: 80,
      p99: 90,
      mtlsShare: 1,
      unreachedShare: 0.1,
      responseFlags: [{ flag: 'UF', share: 0.1 }],
    }),
    edge(cart, pay, { rate: 30, errorShare: 0, clientErrorShare: 0, p50: 30, p95: 60, p99: 300, latencyClamped: true }),
    edge(cart, fraud, { protocol: 'tcp', bytesRate: 1000, reporter: 'source' }),
    edge(fraud, db, { protocol: 'tcp', bytesRate: 250 }),
    edge(pay, fraud, { rate: 2, errorShare: 0.5, p95: 5 }),
  ],
  notices: ['kept'],
};

const byId = (g: TopologyGraph) => Object.fromEntries(g.edges.map((e) => [e.id, e]));

describe('collapseGroups', () => {
  it('leaves the graph as it is when no group is collapsed', () => {
    const c = collapseGroups(graph, new Set(), t);
    expect(c.graph).toBe(graph);
    expect(Array.from(c.origin)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('bundles every edge between two groups into one per direction, with exact figures', () => {
    const c = collapseGroups(graph, new Set(['/shop', '/pay']), t);
    expect(c.graph.nodes.map((n) => n.id)).toEqual(['ns:/pay', 'ns:/shop', 'unknown:caller']);
    expect(Array.from(c.origin)).toEqual([-1, -1, 0]);
    expect(c.group).toEqual(['/pay', '/shop', '']);
    expect(c.graph.notices).toEqual(['kept']);
    const edges = byId(c.graph);
    expect(Object.keys(edges)).toEqual([
      'ns:/pay->ns:/pay:http',
      'ns:/pay->ns:/shop:tcp',
      'ns:/shop->ns:/pay:http',
      'ns:/shop->ns:/shop:http',
      'unknown:caller->ns:/shop:http',
    ]);
    // Rates and bytes summed; shares weighted by requests: (10 × 0.1 + 30 × 0) / 40; the worst percentiles.
    expect(edges['ns:/shop->ns:/pay:http']).toEqual({
      id: 'ns:/shop->ns:/pay:http',
      source: 'ns:/shop',
      target: 'ns:/pay',
      protocol: 'http',
      rate: 40,
      errorShare: 0.025,
      clientErrorShare: 0.05,
      p50: 30,
      p95: 80,
      p99: 300,
      latencyClamped: undefined,
      bytesRate: 1000,
      mtlsShare: 1,
      unreachedShare: 0.025,
      responseFlags: [{ flag: 'UF', share: 0.025 }],
      l4Folded: undefined,
      reporter: '',
      health: 'degraded',
    });
    // Without a member that has error data, the bundle has none either: "no error data", not 0 %.
    expect(edges['ns:/pay->ns:/shop:tcp']).toMatchObject({
      protocol: 'tcp',
      rate: 0,
      bytesRate: 250,
      errorShare: undefined,
      p95: undefined,
      reporter: 'destination',
      health: 'none',
    });
    // Inside a group: the group's edge to itself, HTTP with the TCP bytes.
    expect(edges['ns:/shop->ns:/shop:http']).toMatchObject({ rate: 40, errorShare: 0.05, p95: 12, bytesRate: 700 });
    expect(edges['ns:/pay->ns:/pay:http']).toMatchObject({ rate: 2, errorShare: 0.5, health: 'failure' });
  });

  it('gives a group node the figures of its edges, as any node has', () => {
    const c = collapseGroups(graph, new Set(['/shop', '/pay']), t);
    const shop = c.graph.nodes.find((n) => n.id === 'ns:/shop')!;
    // In: 5 from caller and 40 from inside; errors 0 + 40 × 0.05 = 2 of 45.
    expect(shop).toMatchObject({ kind: 'namespace', label: 'shop', namespace: 'shop', inRate: 45, outRate: 80 });
    expect(shop.errorShare).toBeCloseTo(2 / 45, 12);
    expect(shop.health).toBe('degraded');
  });

  it('keeps an expanded group’s nodes and bundles only their edges to a collapsed one', () => {
    const c = collapseGroups(graph, new Set(['/pay']), t);
    expect(c.graph.nodes.map((n) => n.id)).toEqual([
      'ns:/pay',
      'unknown:caller',
      'wl:/shop/cart',
      'wl:/shop/db',
      'wl:/shop/web',
    ]);
    expect(Array.from(c.origin)).toEqual([-1, 0, 1, 2, 5]);
    expect(c.graph.nodes[4]).toBe(web);
    const edges = byId(c.graph);
    expect(edges['wl:/shop/web->wl:/shop/cart:http']).toBe(graph.edges[1]);
    // cart → pay (HTTP, 30 rps) and cart → fraud (TCP, 1,000 B/s) become one edge carrying both.
    expect(edges['wl:/shop/cart->ns:/pay:http']).toMatchObject({ rate: 30, bytesRate: 1000, errorShare: 0, p95: 60 });
    expect(edges['wl:/shop/cart->ns:/pay:http'].latencyClamped).toBe(true);
    expect(edges['ns:/pay->wl:/shop/db:tcp']).toMatchObject({ bytesRate: 250, errorShare: undefined });
    expect(c.graph.edges).toHaveLength(7);
  });
});
