/**
 * Node shapes and badges, in real Chromium on the preview page (the built plugin as Grafana loads it), fed by a real
 * Prometheus scraping the simulator's default mesh, plus one call to a host a ServiceEntry registers
 * (test/topology/externalHost.ts), through the Mesh dashboard's topology queries, checked against the simulator's own
 * topology and /truth: the gateway drawn as a gateway with its ingress badge, unknown callers, egress clusters, the
 * external host and a service in their shapes, every other node as a workload; each edge's mTLS badge as /truth
 * says (none where only the source proxy reported, which cannot know); the not-delivered badge where /truth gives
 * failed-to-reach traffic and on nothing /truth gives no response flags. reviews-v2 is scaled to zero: every request
 * to it is answered UH by Envoy, and with no pod to name the source proxy reports destination_workload "unknown" with
 * the service, as Istio does, so that traffic is drawn to the service "reviews", which carries the badge. The app
 * and service graphs (the nodeKind option) draw each app as a square and each destination service as a diamond. The
 * waypoint is no node here: ztunnel reports the two legs of each hop through it (client → waypoint on the client's
 * node, waypoint → server on the server's, each naming the waypoint as real ztunnel does), and model/ambient.ts folds
 * both into the L7 edges the waypoint reports with the original client and server. A waypoint whose legs no L7 edge
 * accounts for stays drawn in its shape (unit-tested in framesToGraph.test.ts).
 */
import { type EdgeTruth } from '../../simulator';
import { defaultTopology } from '../../simulator/topology/default';
import { EXTERNAL_HOST, withExternalHost } from '../topology/externalHost';
import { LiveMesh, startLiveMesh } from '../topology/liveMesh';
import { active } from '../topology/expected';
import {
  closeGraph,
  hookEdges,
  hookNodes,
  meshTopologyQueries,
  openGraph,
  openTopology,
  TopologyPage,
  waitForGraph,
} from '../topology/page';

/** As the other live topology tests: the rate window, waited for a quarter more after the scenario starts. */
const WINDOW_S = 40;
/** Requests with a flag over the window from which the badge must show: fewer may round to none in a counter. */
const SURE_REQUESTS = 5;
const MTLS_BADGES = ['mtls', 'mtlsPartial', 'plaintext'];
/** The simulator's guarantee for rates over a window this long, as in topology.test.ts. */
const RATE_TOLERANCE = 0.05;
const param = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const queries = () => `queries=${param(meshTopologyQueries(WINDOW_S))}`;

let live: LiveMesh;
let t: TopologyPage;
let truth: EdgeTruth[];
type Marks = {
  nodes: Array<{ id: string; shape: string; badges: string[] }>;
  edges: Array<{ id: string; badges: string[] }>;
};
let marks: Marks;
/** Node label by id, as edge titles are written. */
let labelOf: Map<string, string>;

beforeAll(async () => {
  live = await startLiveMesh({ topology: withExternalHost });
  await live.prom.waitForScrapes(2);
  live.sim.setScenario({ name: 'scale-to-zero', workload: 'bookinfo/reviews-v2' });
  await new Promise((r) => setTimeout(r, WINDOW_S * 1250));
  truth = live.sim.truth().edges;
  t = await openTopology(live.browser, live.preview.url, `theme=dark&${queries()}`);
  await waitForGraph(t.page);
  marks = (await t.page.evaluate(() => window.__meshscopeTopology!.marks())) as Marks;
  labelOf = new Map((await hookNodes(t.page)).map((n) => [n.id, n.label]));
}, 180_000);

afterAll(async () => {
  expect(t?.errors).toEqual([]);
  await t?.page.close();
  await live?.close();
});

const nodeMarks = (label: string) => {
  const found = marks.nodes.filter((n) => labelOf.get(n.id) === label);
  expect({ label, count: found.length }).toEqual({ label, count: 1 });
  return found[0];
};

/** The node outside the mesh an edge leads to: the ServiceEntry's host, or the egress cluster without one. */
const outside = (e: EdgeTruth) => e.external?.host ?? e.egress!.cluster;
/** Where the telemetry puts an edge's traffic: to the service (its short name, as destination_service_name has it)
 * when the destination has no pod to name. */
const drawnTarget = (e: EdgeTruth) =>
  e.destinationDown ? e.destination!.service.split('.')[0] : (e.destination?.workload ?? outside(e));
const drawnTitle = (e: EdgeTruth) => `${e.source?.workload ?? 'unknown'} → ${drawnTarget(e)}`;

/** The drawn edge /truth's edge is: same title, same protocol (edge ids end in ":protocol"). */
async function edgeMarks(e: EdgeTruth) {
  const edges = await hookEdges(t.page);
  const title = (source: string, target: string) => `${labelOf.get(source)} → ${labelOf.get(target)}`;
  const found = edges.filter((d) => title(d.source, d.target) === drawnTitle(e) && d.id.endsWith(`:${e.protocol}`));
  expect({ edge: drawnTitle(e), count: found.length }).toEqual({ edge: drawnTitle(e), count: 1 });
  return marks.edges.find((m) => m.id === found[0].id)!;
}

const flagged = (e: EdgeTruth) => Object.values(e.responseFlags).reduce((sum, share) => sum + share, 0);

describe('node shapes', () => {
  it('draws the gateway as a gateway with its ingress badge', () => {
    const gateways = defaultTopology.workloads.filter((w) => w.mode === 'gateway').map((w) => w.name);
    expect(gateways).toEqual(['istio-ingressgateway']);
    const gateway = nodeMarks('istio-ingressgateway');
    expect(gateway.shape).toBe('hexagon');
    expect(gateway.badges).toContain('ingress');
  });

  it('draws unknown callers, egress clusters, the external host, a service and every other workload each in its own shape', () => {
    const expected = new Map<string, string>();
    for (const e of active(truth)) {
      expected.set(e.source?.workload ?? 'unknown', e.source ? 'circle' : 'invertedTriangle');
      expected.set(e.destination?.workload ?? outside(e), e.destination ? 'circle' : 'trapezoid');
    }
    expect(expected.get(EXTERNAL_HOST)).toBe('trapezoid');
    expected.set('istio-ingressgateway', 'hexagon');
    // Traffic to a workload with no pod left is drawn to its service, as a service.
    truth.filter((e) => e.destinationDown && e.rate > 0).forEach((e) => expected.set(drawnTarget(e), 'diamond'));
    expect([...expected.values()]).toContain('diamond');
    expect([...expected.values()]).toContain('trapezoid');
    expect([...expected.values()]).toContain('invertedTriangle');
    const drawn = new Map([...expected.keys()].map((label) => [label, nodeMarks(label).shape]));
    expect(drawn).toEqual(expected);
    // Only the gateway carries a gateway badge.
    const badged = marks.nodes.filter((n) => n.badges.includes('ingress') || n.badges.includes('egress'));
    expect(badged.map((n) => labelOf.get(n.id))).toEqual(['istio-ingressgateway']);
  });

  it('draws the host a ServiceEntry registers as an external node, its edge at the rate /truth gives', async () => {
    const hop = truth.find((e) => e.external?.host === EXTERNAL_HOST)!;
    // Only the client's sidecar reports the hop: no proxy answers at the host.
    expect(hop.reporters).toEqual(['source']);
    const node = nodeMarks(EXTERNAL_HOST);
    expect({ id: node.id, shape: node.shape }).toEqual({ id: `external:${EXTERNAL_HOST}`, shape: 'trapezoid' });
    const drawn = (await hookEdges(t.page)).filter((d) => d.target === node.id);
    expect(drawn.map((d) => ({ source: labelOf.get(d.source), protocol: d.id.split(':').pop() }))).toEqual([
      { source: hop.source!.workload, protocol: hop.protocol },
    ]);
    expect(Math.abs(drawn[0].rate / hop.rate - 1)).toBeLessThanOrEqual(RATE_TOLERANCE);
  });
});

/** Every drawn label's shapes, as a set per label: an app or service of two clusters is two nodes of one label. */
async function shapesByLabel(page: TopologyPage['page']): Promise<Map<string, Set<string>>> {
  const drawn = (await page.evaluate(() => window.__meshscopeTopology!.marks())) as Marks;
  const labels = new Map((await hookNodes(page)).map((n) => [n.id, n.label]));
  const shapes = new Map<string, Set<string>>();
  for (const n of drawn.nodes) {
    const label = labels.get(n.id)!;
    shapes.set(label, new Set([...(shapes.get(label) ?? []), n.shape]));
  }
  return shapes;
}

const GATEWAY = 'istio-ingressgateway';
/** A workload's app label, as the simulator's pods carry it (the topology the simulator was started with). */
const appOf = (workload: string) => defaultTopology.workloads.find((w) => w.name === workload)!.app!;
const shortName = (service: string) => service.split('.')[0];

describe.each([
  {
    nodeKind: 'app',
    // Both ends of an edge are apps; a destination with no pod left is drawn as its service.
    ends: (e: EdgeTruth): Array<[string, string]> => [
      e.source ? [appOf(e.source.workload), 'square'] : ['unknown', 'invertedTriangle'],
      e.destinationDown
        ? [shortName(e.destination!.service), 'diamond']
        : e.destination
          ? [appOf(e.destination.workload), 'square']
          : [outside(e), 'trapezoid'],
    ],
  },
  {
    nodeKind: 'service',
    // Callers stay workloads; what they call is the destination service, by its short name.
    ends: (e: EdgeTruth): Array<[string, string]> => [
      e.source ? [e.source.workload, 'circle'] : ['unknown', 'invertedTriangle'],
      e.destination ? [shortName(e.destination.service), 'diamond'] : [outside(e), 'trapezoid'],
    ],
  },
])('the $nodeKind graph', ({ nodeKind, ends }) => {
  it(`draws each ${nodeKind} in its shape, where /truth's edges lead`, async () => {
    // Every end of an edge with traffic must be drawn; an edge whose traffic stopped (reviews-v2, scaled to zero, no
    // longer calls ratings) keeps its counters on the other proxy and may be drawn idle, in the same shapes.
    const shapesOf = (edges: EdgeTruth[]) => {
      const shapes = new Map<string, Set<string>>();
      for (const [label, shape] of edges.flatMap(ends)) {
        shapes.set(label, new Set([...(shapes.get(label) ?? []), shape]));
      }
      // The gateway is a gateway in every graph, named by its workload.
      shapes.delete(appOf(GATEWAY));
      shapes.set(GATEWAY, new Set(['hexagon']));
      return shapes;
    };
    const required = shapesOf(active(truth));
    const possible = shapesOf(truth);
    const shown = await openGraph(
      live.browser,
      live.preview.url,
      `theme=light&${queries()}&options=${param({ topology: { nodeKind } })}`
    );
    const drawn = await shapesByLabel(shown.page);
    await closeGraph(shown);
    const missing = [...required].filter(([label, set]) => [...set].some((shape) => !drawn.get(label)?.has(shape)));
    const wrong = [...drawn].filter(([label, set]) => [...set].some((shape) => !possible.get(label)?.has(shape)));
    expect({ missing, wrong }).toEqual({ missing: [], wrong: [] });
    expect([...drawn.values()].some((set) => set.has(nodeKind === 'app' ? 'square' : 'diamond'))).toBe(true);
  });
});

describe('badges', () => {
  it('gives each HTTP and gRPC edge the mTLS badge /truth says, and none where only the source reported', async () => {
    const edges = active(truth).filter((e) => e.protocol !== 'tcp');
    expect(edges.some((e) => !e.mtls && e.reporters.includes('destination'))).toBe(true);
    for (const e of edges) {
      const badges = (await edgeMarks(e)).badges.filter((b) => MTLS_BADGES.includes(b));
      const known = e.reporters.some((r) => r !== 'source');
      expect({ edge: drawnTitle(e), badges }).toEqual({
        edge: drawnTitle(e),
        badges: known ? [e.mtls ? 'mtls' : 'plaintext'] : [],
      });
    }
  });

  it('marks the edge and the node failed-to-reach traffic is drawn to, and nothing without response flags', async () => {
    const edges = active(truth).filter((e) => e.protocol !== 'tcp');
    const down = edges.find((e) => e.destination?.workload === 'reviews-v2')!;
    // Scaled to zero, every request to reviews-v2 is answered by Envoy with UH: none reaches it.
    expect(down.responseFlags).toEqual({ UH: 1 });
    for (const e of edges) {
      const sure = flagged(e) * e.rate * WINDOW_S >= SURE_REQUESTS;
      const badge = (await edgeMarks(e)).badges.includes('unreached');
      if (sure || flagged(e) === 0) {
        expect({ edge: drawnTitle(e), badge }).toEqual({ edge: drawnTitle(e), badge: sure });
      }
    }
    expect(down.destinationDown).toBe(true);
    expect(nodeMarks(drawnTarget(down)).badges).toContain('unreached');
    // Nodes no flagged edge leads to: none of them carries the badge.
    const reached = new Set(edges.filter((e) => flagged(e) > 0).map(drawnTarget));
    const wrong = marks.nodes.filter((n) => n.badges.includes('unreached') && !reached.has(labelOf.get(n.id)!));
    expect(wrong.map((n) => labelOf.get(n.id))).toEqual([]);
  });
});
