import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { ERRORS_LABEL } from '../../istio/semantics';
import { DEFAULT_OPTIONS, TopologyOptions } from '../../options';
import { edgeRows } from '../Tooltip';
import { framesToGraph } from './framesToGraph';
import { SeriesSample, seriesFrames, tableFrame, wideFrame } from './frameShapes';
import { TopologyGraph } from './types';

const opts = (over: Partial<TopologyOptions> = {}): TopologyOptions => ({ ...DEFAULT_OPTIONS.topology, ...over });

const edge = (from: string, to: string, extra: Record<string, string> = {}, value = 1): SeriesSample => ({
  labels: {
    reporter: 'destination',
    source_workload: from,
    source_workload_namespace: 'shop',
    source_app: from,
    source_version: 'v1',
    destination_workload: to,
    destination_workload_namespace: 'shop',
    destination_app: to,
    destination_version: 'v1',
    destination_service: `${to}.shop.svc.cluster.local`,
    destination_service_name: to,
    destination_service_namespace: 'shop',
    request_protocol: 'http',
    response_code: '200',
    connection_security_policy: 'mutual_tls',
    ...extra,
  },
  value,
});

const byId = (g: TopologyGraph) => Object.fromEntries(g.edges.map((e) => [e.id, e]));
const nodeIds = (g: TopologyGraph) => g.nodes.map((n) => n.id);

const shop: SeriesSample[] = [
  edge('web', 'cart', {}, 8),
  edge('web', 'cart', { response_code: '503' }, 2),
  edge('web', 'cart', { reporter: 'source', connection_security_policy: 'unknown' }, 10),
  edge('web', 'cart', { reporter: 'source', response_code: '503', connection_security_policy: 'unknown' }, 2),
  edge('cart', 'db', { response_code: '404', connection_security_policy: 'none' }, 1),
  edge('cart', 'db', {}, 3),
];
const WEB_CART = 'wl:/shop/web->wl:/shop/cart:http';
const CART_DB = 'wl:/shop/cart->wl:/shop/db:http';

describe('framesToGraph on Istio request series', () => {
  it('keeps the destination reporter and computes rate, error share, 4xx share and mTLS share', () => {
    const g = framesToGraph([tableFrame('A', shop)], opts());
    expect(nodeIds(g)).toEqual(['wl:/shop/cart', 'wl:/shop/db', 'wl:/shop/web']);
    const e = byId(g);
    expect(e[WEB_CART]).toMatchObject({
      rate: 10,
      errorShare: 0.2,
      mtlsShare: 1,
      reporter: 'destination',
      health: 'failure',
    });
    expect(e[CART_DB]).toMatchObject({
      rate: 4,
      errorShare: 0,
      clientErrorShare: 0.25,
      mtlsShare: 0.75,
      health: 'healthy',
    });
    const cart = g.nodes.find((n) => n.id === 'wl:/shop/cart')!;
    expect(cart).toMatchObject({ inRate: 10, outRate: 4, errorShare: 0.2, health: 'failure' });
  });

  it('falls back to the source reporter when the destination did not report, and then knows no mTLS share', () => {
    const onlySource = shop.filter((s) => s.labels.reporter === 'source');
    const e = byId(framesToGraph([tableFrame('A', onlySource)], opts()))[WEB_CART];
    expect(e).toMatchObject({ rate: 12, reporter: 'source', mtlsShare: undefined });
    expect(e.errorShare).toBeCloseTo(2 / 12, 12);
  });

  it('prefers the waypoint over the source in ambient meshes', () => {
    const ambient = [edge('web', 'cart', { reporter: 'source' }, 5), edge('web', 'cart', { reporter: 'waypoint' }, 4)];
    expect(byId(framesToGraph([tableFrame('A', ambient)], opts()))[WEB_CART]).toMatchObject({
      rate: 4,
      reporter: 'waypoint',
    });
  });

  it.each([
    ['table', () => [tableFrame('A', shop)]],
    ['time series', () => seriesFrames('A', shop)],
    ['time series over a range (latest value)', () => seriesFrames('A', shop, 5)],
    ['wide', () => [wideFrame('A', shop)]],
  ])('reads the %s shape to the same graph', (_, frames: () => DataFrame[]) => {
    const g = framesToGraph(frames(), opts());
    expect(byId(g)[WEB_CART]).toMatchObject({ rate: 10, errorShare: 0.2 });
    expect(byId(g)[CART_DB]).toMatchObject({ rate: 4 });
    expect(g.edges).toHaveLength(2);
  });

  it('counts gRPC error statuses and no-response code 0 as errors', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('a', 'b', { request_protocol: 'grpc', grpc_response_status: '0' }, 3),
          edge('a', 'b', { request_protocol: 'grpc', grpc_response_status: '14' }, 1),
          edge('a', 'c', { response_code: '0', response_flags: 'DC' }, 1),
          edge('a', 'c', {}, 1),
        ]),
      ],
      opts()
    );
    expect(byId(g)['wl:/shop/a->wl:/shop/b:grpc'].errorShare).toBe(0.25);
    expect(byId(g)['wl:/shop/a->wl:/shop/c:http'].errorShare).toBe(0.5);
  });

  it('keeps one edge per protocol and adds TCP bytes from the B query', () => {
    const tcp = [
      edge('cart', 'db', { request_protocol: 'tcp', response_code: '' }, 1000),
      edge('cart', 'db', { request_protocol: 'tcp', reporter: 'source' }, 999),
    ];
    const g = framesToGraph([tableFrame('A', shop), tableFrame('B', tcp)], opts());
    expect(byId(g)['wl:/shop/cart->wl:/shop/db:tcp']).toMatchObject({
      bytesRate: 1000,
      rate: 0,
      health: 'none',
      protocol: 'tcp',
    });
    expect(byId(g)[CART_DB].rate).toBe(4);
  });
});

describe('response flags', () => {
  it('keeps the share of each flag and of requests that never reached the workload, per edge and node', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('web', 'cart', {}, 6),
          edge('web', 'cart', { response_code: '503', response_flags: 'UH' }, 2),
          edge('web', 'cart', { response_code: '503', response_flags: 'UF,URX' }, 1),
          edge('web', 'cart', { response_code: '200', response_flags: '-' }, 1),
          // The application's own 503 (no flag) and a downstream timeout flag that did reach the workload.
          edge('cart', 'db', { response_code: '503' }, 3),
          edge('cart', 'db', { response_code: '504', response_flags: 'UT' }, 1),
        ]),
      ],
      opts()
    );
    const e = byId(g);
    expect(e[WEB_CART].unreachedShare).toBeCloseTo(0.3, 12);
    expect(e[WEB_CART].responseFlags).toEqual([
      { flag: 'UH', share: 0.2 },
      { flag: 'UF', share: 0.1 },
      { flag: 'URX', share: 0.1 },
    ]);
    expect(e[CART_DB]).toMatchObject({ unreachedShare: 0, responseFlags: [{ flag: 'UT', share: 0.25 }] });
    expect(g.nodes.find((n) => n.id === 'wl:/shop/cart')!.unreachedShare).toBeCloseTo(0.3, 12);
    expect(g.nodes.find((n) => n.id === 'wl:/shop/web')!.unreachedShare).toBeUndefined();
  });

  it('reads them from the chosen reporter only, like every other figure', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('web', 'cart', { reporter: 'source', response_code: '503', response_flags: 'UH' }, 4),
          edge('web', 'cart', {}, 6),
        ]),
      ],
      opts()
    );
    expect(byId(g)[WEB_CART]).toMatchObject({ rate: 6, unreachedShare: 0, responseFlags: [] });
  });

  it('gives a node the request-weighted mTLS share of its incoming edges', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('web', 'cart', {}, 3),
          edge('api', 'cart', { connection_security_policy: 'none' }, 1),
          edge('cart', 'db', { connection_security_policy: 'none' }, 1),
        ]),
      ],
      opts()
    );
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(node('wl:/shop/cart').mtlsShare).toBe(0.75);
    expect(node('wl:/shop/db').mtlsShare).toBe(0);
    // A pure client is judged by its outgoing edges.
    expect(node('wl:/shop/web').mtlsShare).toBe(1);
  });
});

describe('ambient', () => {
  const l4 = (from: string, to: string, reporter: string, value: number) =>
    edge(from, to, { reporter, request_protocol: 'tcp', response_code: '' }, value);

  it("folds the ztunnel L4 bytes into the waypoint's L7 edge: one edge per pair", () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('web', 'cart', { reporter: 'waypoint' }, 4),
          edge('web', 'cart', { reporter: 'source' }, 4),
        ]),
        tableFrame('B', [l4('web', 'cart', 'destination', 5000), l4('web', 'cart', 'source', 4990)]),
      ],
      opts()
    );
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]).toMatchObject({
      id: WEB_CART,
      protocol: 'http',
      rate: 4,
      reporter: 'waypoint',
      bytesRate: 5000,
      l4Folded: true,
    });
  });

  it('keeps the TCP edge where no waypoint reported the L7 traffic', () => {
    const g = framesToGraph(
      [tableFrame('A', [edge('web', 'cart', {}, 4)]), tableFrame('B', [l4('web', 'cart', 'destination', 5000)])],
      opts()
    );
    expect(g.edges.map((e) => [e.id, e.bytesRate, e.l4Folded])).toEqual([
      [WEB_CART, 0, undefined],
      ['wl:/shop/web->wl:/shop/cart:tcp', 5000, undefined],
    ]);
  });

  it('folds only the same direction, into the busiest L7 edge of the pair', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('web', 'cart', { reporter: 'waypoint' }, 4),
          edge('web', 'cart', { reporter: 'waypoint', request_protocol: 'grpc' }, 9),
        ]),
        tableFrame('B', [l4('web', 'cart', 'destination', 5000), l4('cart', 'web', 'destination', 70)]),
      ],
      opts()
    );
    expect(g.edges.map((e) => [e.id, e.bytesRate])).toEqual([
      ['wl:/shop/cart->wl:/shop/web:tcp', 70],
      ['wl:/shop/web->wl:/shop/cart:grpc', 5000],
      [WEB_CART, 0],
    ]);
  });
});

describe("ambient: ztunnel's two legs through a waypoint", () => {
  // As ztunnel labels them (src/istio/semantics.ts WAYPOINT_LEG_MATCHERS): the client's leg names the waypoint as
  // destination workload and the asked-for service; the server's leg names the waypoint as source.
  const tcp = { request_protocol: 'tcp', response_code: '' };
  const clientLeg = (from: string, service: string, value: number) =>
    edge(
      from,
      'waypoint',
      {
        ...tcp,
        reporter: 'source',
        destination_service: `${service}.shop.svc.cluster.local`,
        destination_service_name: service,
      },
      value
    );
  const serverLeg = (to: string, value: number) => edge('waypoint', to, { ...tcp, reporter: 'destination' }, value);
  const l7 = (from: string, to: string, value: number) => edge(from, to, { reporter: 'waypoint' }, value);
  const graph = (requests: SeriesSample[], bytes: SeriesSample[]) =>
    framesToGraph([tableFrame('A', requests), tableFrame('B', bytes)], opts());
  const bytesOf = (g: TopologyGraph) => g.edges.map((e) => [e.id, e.bytesRate, e.l4Estimated ?? false]);

  it("folds the server's leg into a sidecar caller's edge and draws no waypoint", () => {
    const g = graph([l7('gateway-x', 'cart', 4)], [serverLeg('cart', 5000)]);
    expect(bytesOf(g)).toEqual([['wl:/shop/gateway-x->wl:/shop/cart:http', 5000, false]]);
    expect(g.edges[0].l4Folded).toBe(true);
    expect(nodeIds(g)).toEqual(['wl:/shop/cart', 'wl:/shop/gateway-x']);
  });

  it("takes an ambient caller's bytes from its own leg, once: the server's leg carries the same bytes", () => {
    const g = graph([l7('web', 'cart', 4)], [clientLeg('web', 'cart', 4990), serverLeg('cart', 5000)]);
    expect(bytesOf(g)).toEqual([[WEB_CART, 4990, false]]);
  });

  it("shares the server's leg, less what ambient callers hold, among the other callers by request rate", () => {
    const g = graph(
      [l7('web', 'cart', 1), l7('gw', 'cart', 3), l7('batch', 'cart', 1)],
      [clientLeg('web', 'cart', 1000), serverLeg('cart', 3000)]
    );
    expect(bytesOf(g)).toEqual([
      ['wl:/shop/batch->wl:/shop/cart:http', 500, true],
      ['wl:/shop/gw->wl:/shop/cart:http', 1500, true],
      [WEB_CART, 1000, false],
    ]);
  });

  it("shares a client's leg among the services it calls through that waypoint", () => {
    const g = graph(
      [l7('web', 'cart', 3), l7('web', 'pay', 1)],
      [clientLeg('web', 'cart', 300), clientLeg('web', 'pay', 100), serverLeg('cart', 290), serverLeg('pay', 110)]
    );
    // Both of web's client legs name the same waypoint node: one leg of 400 B/s, shared 3:1.
    expect(bytesOf(g)).toEqual([
      [WEB_CART, 300, true],
      ['wl:/shop/web->wl:/shop/pay:http', 100, true],
    ]);
  });

  it("lets TCP through a waypoint keep the waypoint's own bytes, and folds both legs into it", () => {
    const g = graph(
      [],
      [
        edge('cart', 'redis', { ...tcp, reporter: 'waypoint' }, 7500),
        clientLeg('cart', 'redis', 7400),
        serverLeg('redis', 7500),
      ]
    );
    expect(bytesOf(g)).toEqual([['wl:/shop/cart->wl:/shop/redis:tcp', 7500, false]]);
  });

  it('keeps a leg that no waypoint L7 edge accounts for, with its waypoint', () => {
    const g = graph([edge('web', 'cart', {}, 4)], [serverLeg('cart', 5000)]);
    expect(bytesOf(g)).toEqual([
      ['wl:/shop/waypoint->wl:/shop/cart:tcp', 5000, false],
      [WEB_CART, 0, false],
    ]);
    expect(g.nodes.find((n) => n.id === 'wl:/shop/waypoint')?.special).toBe('waypoint');
  });

  it('folds the legs into namespace edges when the model draws namespaces', () => {
    const other = (labels: SeriesSample) => ({
      ...labels,
      labels: { ...labels.labels, source_workload_namespace: 'web', source_cluster: 'c' },
    });
    const g = framesToGraph(
      [
        tableFrame('A', [other(l7('web', 'cart', 4))]),
        tableFrame('B', [other(clientLeg('web', 'cart', 4990)), serverLeg('cart', 5000)]),
      ],
      opts({ maxNodes: 2 })
    );
    expect(g.degraded).toBeDefined();
    expect(bytesOf(g)).toEqual([['ns:c/web->ns:/shop:http', 4990, false]]);
    expect(nodeIds(g)).toEqual(['ns:/shop', 'ns:c/web']);
  });

  it('shows a shared figure as an estimate in the tooltip', () => {
    const g = graph([l7('gw', 'cart', 3), l7('batch', 'cart', 1)], [serverLeg('cart', 4000)]);
    const rows = Object.fromEntries(edgeRows(g.edges[0]));
    expect(rows['L4 bytes (ztunnel)']).toMatch(/^≈ /);
  });
});

describe('latency', () => {
  it("computes p50/p95/p99 from the preferred reporter's buckets as histogram_quantile does", () => {
    const buckets = ['10', '100', '1000', '+Inf'].flatMap((le, i) => [
      edge('web', 'cart', { le }, [40, 80, 100, 100][i]),
      edge('web', 'cart', { le, reporter: 'source' }, [0, 0, 100, 100][i]),
    ]);
    const e = byId(framesToGraph([tableFrame('A', shop), tableFrame('C', buckets)], opts()))[WEB_CART];
    expect(e.p50).toBeCloseTo(10 + (90 * 10) / 40, 10);
    expect(e.p95).toBeCloseTo(100 + (900 * 15) / 20, 10);
    expect(e.p99).toBeCloseTo(100 + (900 * 19) / 20, 10);
    expect(e.latencyClamped).toBe(false);
  });

  const grpcCall = edge('web', 'cart', { request_protocol: 'grpc', grpc_response_status: '0' }, 6);
  const noProtocol = ['100', '+Inf'].map((le, i) => {
    const { request_protocol: _, ...labels } = edge('web', 'cart', { le }).labels;
    return { labels, value: [5, 10][i] };
  });
  const WEB_CART_GRPC = 'wl:/shop/web->wl:/shop/cart:grpc';

  it('attaches latency without request_protocol to the one request edge of the pair', () => {
    const g = framesToGraph([tableFrame('A', [grpcCall]), tableFrame('C', noProtocol)], opts());
    expect(g.edges.map((e) => e.id)).toEqual([WEB_CART_GRPC]);
    expect(byId(g)[WEB_CART_GRPC]).toMatchObject({ rate: 6, p50: 100 });
  });

  it('drops latency it cannot place, and never draws an edge from latency alone', () => {
    const both = framesToGraph([tableFrame('A', [...shop, grpcCall]), tableFrame('C', noProtocol)], opts());
    expect(both.edges.map((e) => [e.id, e.p50])).toEqual([
      [CART_DB, undefined],
      [WEB_CART_GRPC, undefined],
      [WEB_CART, undefined],
    ]);
    const alone = framesToGraph(
      [tableFrame('A', shop), tableFrame('C', [edge('cart', 'db', { request_protocol: 'grpc', le: '+Inf' }, 1)])],
      opts()
    );
    expect(alone.edges.map((e) => e.id)).toEqual([CART_DB, WEB_CART]);
    const orphan = framesToGraph([tableFrame('C', noProtocol)], opts());
    expect([orphan.nodes, orphan.edges]).toEqual([[], []]);
  });
});

describe('query roles', () => {
  const tcpSeries = [edge('cart', 'db', { request_protocol: 'tcp' }, 50)];
  it('trusts __name__ over the refId', () => {
    const named = tcpSeries.map((s) => ({ ...s, labels: { ...s.labels, __name__: 'istio_tcp_sent_bytes_total' } }));
    expect(framesToGraph([tableFrame('A', named)], opts()).edges[0].bytesRate).toBe(50);
  });
  it('uses the panel mapping of refIds', () => {
    const g = framesToGraph([tableFrame('X', tcpSeries)], opts({ queryRoles: { X: 'tcpBytes' } }));
    expect(g.edges[0].bytesRate).toBe(50);
  });
  it('reads the metric from the executed query text', () => {
    const frame = tableFrame('Q', tcpSeries);
    frame.meta = { executedQueryString: 'Expr: sum by (x) (rate(istio_tcp_received_bytes_total[5m]))' };
    expect(framesToGraph([frame], opts()).edges[0].bytesRate).toBe(50);
  });
  it('ignores queries it cannot place', () => {
    const unnamed = [{ labels: { source_workload: 'a', destination_workload: 'b' }, value: 1 }];
    expect(framesToGraph([tableFrame('Z', unnamed)], opts()).edges).toHaveLength(0);
  });
  it('reads le-labelled series as latency, not as requests', () => {
    const buckets = [edge('web', 'cart', { le: '100' }, 5), edge('web', 'cart', { le: '+Inf' }, 10)];
    const g = framesToGraph([tableFrame('A', shop), tableFrame('C', buckets)], opts());
    expect(byId(g)[WEB_CART]).toMatchObject({ rate: 10, p50: 100, p95: 100, latencyClamped: true });
    expect(g.edges).toHaveLength(2);
  });
});

describe('node details', () => {
  it('merges what each series says about a node, whatever their order', () => {
    const callsOn = { source_cluster: 'east', destination_cluster: 'east' };
    const series = [
      edge('product', 'reviews', { destination_cluster: 'west', source_cluster: 'east' }),
      edge('reviews', 'ratings', { source_version: '', source_cluster: 'west', destination_cluster: 'west' }),
      edge('product', 'reviews', callsOn),
    ];
    const reviews = (g: TopologyGraph) => g.nodes.filter((n) => n.workload === 'reviews');
    const forward = reviews(framesToGraph([tableFrame('A', series)], opts()));
    const backward = reviews(framesToGraph([tableFrame('A', [...series].reverse())], opts()));
    expect(forward).toEqual(backward);
    expect(forward.map(({ id, cluster, service, version, app }) => ({ id, cluster, service, version, app }))).toEqual([
      { id: 'wl:east/shop/reviews', cluster: 'east', service: 'reviews', version: 'v1', app: 'reviews' },
      { id: 'wl:west/shop/reviews', cluster: 'west', service: 'reviews', version: 'v1', app: 'reviews' },
    ]);
  });
});

describe('special nodes', () => {
  const special = (g: TopologyGraph) => Object.fromEntries(g.nodes.map((n) => [n.id, n.special ?? n.kind]));
  it('recognises unknown sources, gateways, waypoints, passthrough, blackhole and external services', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('unknown', 'istio-ingressgateway', {
            source_workload_namespace: 'unknown',
            source_app: 'unknown',
            destination_workload_namespace: 'istio-system',
          }),
          edge('istio-ingressgateway', 'web', { source_workload_namespace: 'istio-system' }),
          edge('web', 'cart-waypoint', {}),
          edge('web', 'unknown', {
            destination_service: 'PassthroughCluster',
            destination_service_name: 'PassthroughCluster',
            destination_app: 'unknown',
          }),
          edge('web', 'unknown', {
            destination_service: 'BlackHoleCluster',
            destination_service_name: 'BlackHoleCluster',
            destination_app: 'unknown',
          }),
          edge('web', 'unknown', {
            destination_service: 'httpbin.org',
            destination_service_name: 'httpbin.org',
            destination_app: 'unknown',
            reporter: 'source',
          }),
          edge('web', 'istio-egressgateway', { destination_workload_namespace: 'istio-system' }),
        ]),
      ],
      opts()
    );
    expect(special(g)).toEqual({
      'unknown:': 'unknown',
      'wl:/istio-system/istio-ingressgateway': 'ingress',
      'wl:/istio-system/istio-egressgateway': 'egress',
      'wl:/shop/cart-waypoint': 'waypoint',
      'wl:/shop/web': 'workload',
      'passthrough:': 'passthrough',
      'blackhole:': 'blackhole',
      'external:httpbin.org': 'external',
    });
  });

  // The labels the client sidecar prints for a host a ServiceEntry registers (simulator/model/identity.ts, from
  // Istio's istio_stats.cc): no peer, so the destination's workload labels are unknown and its cluster too, while the
  // service labels come from the ServiceEntry, whose namespace is a namespace of the mesh.
  const toServiceEntryHost = {
    reporter: 'source',
    destination_workload: 'unknown',
    destination_workload_namespace: 'unknown',
    destination_app: 'unknown',
    destination_version: 'unknown',
    destination_canonical_service: 'unknown',
    destination_canonical_revision: 'latest',
    destination_service: 'api.stripe.com',
    destination_service_name: 'api.stripe.com',
    destination_service_namespace: 'shop',
    destination_cluster: 'unknown',
    connection_security_policy: 'unknown',
  };
  it.each(['workload', 'app', 'versionedApp', 'service'] as const)(
    'draws a ServiceEntry host as one external node outside any namespace, its HTTP and TCP edges to it (%s graph)',
    (nodeKind) => {
      const g = framesToGraph(
        [
          tableFrame('A', [edge('web', 'unknown', toServiceEntryHost, 4)]),
          tableFrame('B', [edge('web', 'unknown', { ...toServiceEntryHost, request_protocol: 'tcp' }, 900)]),
        ],
        opts({ nodeKind })
      );
      const external = g.nodes.filter((n) => n.special === 'external');
      expect(external).toEqual([
        expect.objectContaining({ id: 'external:api.stripe.com', label: 'api.stripe.com', namespace: '', cluster: '' }),
      ]);
      expect(g.edges.filter((e) => e.target === external[0].id).map((e) => [e.protocol, e.rate, e.bytesRate])).toEqual([
        ['http', 4, 0],
        ['tcp', 0, 900],
      ]);
    }
  );

  it('draws a service node for requests that reached no workload', () => {
    const unrouted = edge('web', 'unknown', {
      destination_workload_namespace: 'unknown',
      destination_service: 'cart.shop.svc.cluster.local',
      destination_service_name: 'cart',
      destination_app: 'unknown',
      response_code: '503',
      response_flags: 'NR',
    });
    const g = framesToGraph([tableFrame('A', [unrouted])], opts());
    expect(g.edges.map((e) => e.id)).toEqual(['wl:/shop/web->svc:/shop/cart:http']);
    expect(g.nodes.find((n) => n.id === 'svc:/shop/cart')).toMatchObject({
      kind: 'service',
      namespace: 'shop',
      health: 'failure',
    });
  });
});

describe('node kinds and grouping', () => {
  const versions = [
    edge('web', 'cart-v1', { destination_app: 'cart' }, 1),
    edge('web', 'cart-v2', { destination_app: 'cart', destination_version: 'v2' }, 3),
  ];
  it.each([
    ['workload', ['wl:/shop/cart-v1', 'wl:/shop/cart-v2', 'wl:/shop/web']],
    ['app', ['app:/shop/cart', 'app:/shop/web']],
    ['versionedApp', ['vapp:/shop/cart/v1', 'vapp:/shop/cart/v2', 'vapp:/shop/web/v1']],
    ['service', ['svc:/shop/cart', 'wl:/shop/web']],
  ] as const)('groups %s nodes', (nodeKind, ids) => {
    const g = framesToGraph(
      [
        tableFrame(
          'A',
          versions.map((v) => ({ ...v, labels: { ...v.labels, destination_service_name: 'cart' } }))
        ),
      ],
      opts({ nodeKind })
    );
    expect(nodeIds(g)).toEqual(ids);
    expect(g.edges.reduce((sum, e) => sum + e.rate, 0)).toBe(4);
  });

  it('injects service nodes between clients and workloads, carrying the same rate on both hops', () => {
    const g = framesToGraph([tableFrame('A', [edge('web', 'cart', {}, 5)])], opts({ serviceNodes: true }));
    expect(g.edges.map((e) => [e.id, e.rate])).toEqual([
      ['svc:/shop/cart->wl:/shop/cart:http', 5],
      ['wl:/shop/web->svc:/shop/cart:http', 5],
    ]);
  });

  it('keeps clusters apart and leaves collapsing namespaces to the view', () => {
    const multi = [
      edge('web', 'cart', { source_cluster: 'east', destination_cluster: 'west' }, 2),
      edge('cart', 'db', {}, 1),
    ];
    expect(nodeIds(framesToGraph([tableFrame('A', multi)], opts()))).toEqual([
      'wl:/shop/cart',
      'wl:/shop/db',
      'wl:east/shop/web',
      'wl:west/shop/cart',
    ]);
    // Collapsing a namespace is the view's business (overview.ts): the model always draws its workloads.
    expect(nodeIds(framesToGraph([tableFrame('A', shop)], opts({ collapsedNamespaces: ['/shop'] })))).toEqual([
      'wl:/shop/cart',
      'wl:/shop/db',
      'wl:/shop/web',
    ]);
  });
});

describe('health thresholds', () => {
  const at = (errors: number, over: Partial<TopologyOptions> = {}) =>
    framesToGraph(
      [tableFrame('A', [edge('a', 'b', {}, 100 - errors), edge('a', 'b', { response_code: '500' }, errors)])],
      opts(over)
    ).edges[0].health;
  it.each([
    [0, 'healthy'],
    [1, 'degraded'],
    [9, 'degraded'],
    [10, 'failure'],
  ])('%i%% errors is %s with the default thresholds', (errors, health) => {
    expect(at(errors)).toBe(health);
  });
  it('follows the panel thresholds and counts 4xx only when asked', () => {
    expect(at(5, { errorFailure: 0.05 })).toBe('failure');
    expect(at(1, { errorDegraded: 0.02 })).toBe('healthy');
    const clientErrors = [edge('a', 'b', {}, 50), edge('a', 'b', { response_code: '404' }, 50)];
    expect(framesToGraph([tableFrame('A', clientErrors)], opts()).edges[0].health).toBe('healthy');
    expect(framesToGraph([tableFrame('A', clientErrors)], opts({ count4xx: true })).edges[0].health).toBe('failure');
  });
  it('marks zero-rate edges idle', () => {
    expect(framesToGraph([tableFrame('A', [edge('a', 'b', {}, 0)])], opts()).edges[0]).toMatchObject({
      rate: 0,
      health: 'idle',
    });
  });
});

describe('bad input', () => {
  it('leaves out NaN, infinite and negative values, and series without endpoints, saying so', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('a', 'b', {}, NaN),
          edge('a', 'c', {}, -1),
          edge('a', 'd', {}, Infinity),
          edge('a', 'e', {}, 2),
          { labels: { response_code: '200' }, value: 3 },
        ]),
      ],
      opts()
    );
    expect(g.edges.map((e) => e.target)).toEqual(['wl:/shop/e']);
    expect(g.notices).toEqual([
      '3 series with a NaN, infinite or negative value were left out.',
      '1 series without source or destination labels were left out.',
    ]);
  });
  it('warns about double counting when the reporter label was summed away', () => {
    const { reporter, ...labels } = edge('a', 'b').labels;
    const g = framesToGraph([tableFrame('A', [{ labels, value: 1 }])], opts());
    expect(reporter).toBe('destination');
    expect(g.notices[0]).toMatch(/^1 series have no reporter label/);
  });
  it('keeps self-loops and survives missing labels and broken frames', () => {
    const g = framesToGraph(
      [
        tableFrame('A', [
          edge('a', 'a', {}, 1),
          { labels: { source_workload: 'x', destination_workload: 'y', response_code: '200' }, value: 1 },
        ]),
        { fields: undefined } as unknown as DataFrame,
        null as unknown as DataFrame,
        createDataFrame({ refId: 'A', fields: [{ name: 'Value', type: FieldType.number, values: ['oops', null] }] }),
      ],
      opts()
    );
    expect(g.notices).toEqual(['1 series with a NaN, infinite or negative value were left out.']);
    expect(g.edges.map((e) => e.id)).toEqual(['wl://x->wl://y:http', 'wl:/shop/a->wl:/shop/a:http']);
  });
  it('aggregates 200,000 series to namespaces with a message', () => {
    const series: SeriesSample[] = [];
    for (let i = 0; i < 200_000; i++) {
      series.push(
        edge(
          `w${i}`,
          `w${(i * 7) % 200_000}`,
          { source_workload_namespace: `ns${i % 40}`, destination_workload_namespace: `ns${(i * 7) % 40}` },
          1
        )
      );
    }
    const g = framesToGraph([tableFrame('A', series)], opts());
    expect(g.degraded).toMatch(/^200000 nodes exceed the limit of 10000: each namespace is drawn as one node/);
    expect(g.nodes).toHaveLength(40);
    expect(g.edges.reduce((sum, e) => sum + e.rate, 0)).toBe(200_000);
  });
});

describe('Node Graph frames', () => {
  const nodes = createDataFrame({
    name: 'nodes',
    fields: [
      { name: 'id', type: FieldType.string, values: ['api', 'db', 'api'] },
      { name: 'title', type: FieldType.string, values: ['<b>api</b>', 'db', 'dup'] },
      { name: 'subtitle', type: FieldType.string, values: ['prod', 'prod', ''] },
      { name: 'mainstat', type: FieldType.number, values: [12, 3, 0], config: { displayName: 'Requests per second' } },
      { name: 'arc__success', type: FieldType.number, values: [0.8, 1, 0] },
      { name: 'arc__failed', type: FieldType.number, values: [0.2, 0, 0] },
    ],
  });
  const edges = createDataFrame({
    name: 'edges',
    fields: [
      { name: 'id', type: FieldType.string, values: ['e1', 'e2'] },
      { name: 'source', type: FieldType.string, values: ['api', 'client'] },
      { name: 'target', type: FieldType.string, values: ['db', 'api'] },
      { name: 'mainstat', type: FieldType.number, values: [40, 5], config: { displayName: 'Latency', unit: 'ms' } },
      {
        name: 'secondarystat',
        type: FieldType.number,
        values: [2.5, 12],
        config: { displayName: 'Requests per second' },
      },
    ],
  });
  it('reads nodes, edges, arcs and stats, adds nodes named only by edges and drops duplicate ids', () => {
    const g = framesToGraph([nodes, edges], opts());
    expect(nodeIds(g)).toEqual(['api', 'client', 'db']);
    expect(g.nodes[0]).toMatchObject({
      label: '<b>api</b>',
      namespace: 'prod',
      errorShare: 0.2,
      health: 'failure',
      inRate: 12,
      outRate: 2.5,
    });
    expect(byId(g).e1).toMatchObject({ source: 'api', target: 'db', rate: 2.5, p50: 40 });
    expect(g.notices).toEqual(['1 rows with a duplicate id were left out.']);
  });

  it('gives edges without an error field no error share, which the tooltip shows as "no error data", not 0 %', () => {
    const e1 = byId(framesToGraph([nodes, edges], opts())).e1;
    expect(e1.errorShare).toBeUndefined();
    expect(e1.clientErrorShare).toBeUndefined();
    expect(Object.fromEntries(edgeRows(e1))).toMatchObject({ [ERRORS_LABEL]: 'no error data', '4xx': 'no error data' });
  });
});
