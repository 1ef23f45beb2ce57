/**
 * The overview of a mesh too large to read at fit, in real Chromium on the preview page (the built plugin as Grafana
 * loads it), fed by a real Prometheus scraping the simulator's generated 300-workload mesh through the Mesh
 * dashboard's topology queries: the panel opens with one node per namespace and one bundled edge per ordered pair,
 * whose rate, error share and p95 are /truth's per-namespace-pair aggregate; a click on a namespace expands it in
 * place and a click in its box collapses it again, the expansion is saved in the panel options, and a panel mounted
 * with those options opens with it expanded. In a 1400 × 850 panel the overview at its default fit fills the panel.
 */
import { Page } from 'playwright-core';
import { type EdgeTruth } from '../../simulator';
import { bucketOf } from '../../simulator/truth';
import { active } from '../topology/expected';
import { LiveMesh, startLiveMesh } from '../topology/liveMesh';
import { coverage } from '../support/readability';
import {
  closeGraph,
  expandAll,
  hookEdges,
  HookNode,
  hookNodes,
  meshTopologyQueries,
  openGraph,
  openTopology,
  waitForGraph,
} from '../topology/page';

/** As the other live browser tests: the rate window, read a quarter window after Prometheus has filled it. */
const WINDOW_S = 40;
/**
 * What the issue asks of a bundle against /truth: rates within 2 %, error shares within one percentage point. Below
 * 10 rps a 40 s window holds too few requests for 2 %; there, what the simulator guarantees (5 %, as the other tests).
 */
const RATE_TOLERANCE = 0.02;
/**
 * Prometheus stamps a sample with when its scrape began, and the simulator counts up to when it answers: a scrape
 * answered late reads ahead of its stamp. On a loaded machine the window's last scrapes came in later than its
 * first (CI read every bundle 3–7 % high), so the check also allows the slowest scrape in the window over the span
 * between the window's first and last samples, as measured from Prometheus's scrape_duration_seconds.
 */
const lagAllowance = async () =>
  (await live.prom.queryValue(`max(max_over_time(scrape_duration_seconds[${WINDOW_S}s]))`)) / (WINDOW_S - SCRAPE_S);
const SCRAPE_S = 5;
const SMALL_RATE = 10;
const SMALL_RATE_TOLERANCE = 0.05;
const SHARE_TOLERANCE = 0.01;
/**
 * A bundle's p95 is its slowest member's, and a member with a few dozen requests in the window can have its p95 in any
 * bucket its few slow requests fell in (seen: 1750 ms where /truth's p99 is under 1 s). /truth bounds the worst p95
 * only for bundles whose timed members all carry this many requests per window; every bundle's p95 is also checked
 * against its members' own p95s as the panel drew them from the same query results.
 */
const TIMED_REQUESTS = 200;
const MIN_BOUNDED_BUNDLES = 5;
let live: LiveMesh;
let query: string;

beforeAll(async () => {
  // Every 5 s: its ~330 targets do not all answer within a 1 s scrape timeout on the shared 2-core machine.
  live = await startLiveMesh({ topology: 'generated:300x12x900', scrapeInterval: `${SCRAPE_S}s` });
  await live.prom.waitForScrapes(2);
  // From when every target has been scraped, not from Prometheus's start: with this many targets the first scrapes
  // take a while, and a window over series younger than it reads low (5–10 % here).
  await new Promise((r) => setTimeout(r, WINDOW_S * 1250));
  // The preview's default page (1,000 × 600): the 300 workloads cannot be labelled at fit there (overviewRule.ts).
  query = `queries=${encodeURIComponent(JSON.stringify(meshTopologyQueries(WINDOW_S)))}`;
}, 240_000);

afterAll(() => live?.close());

const open = (options?: unknown) =>
  openGraph(
    live.browser,
    live.preview.url,
    options ? `${query}&options=${encodeURIComponent(JSON.stringify(options))}` : query
  );
const close = closeGraph;

/** /truth's traffic between namespaces, per ordered pair "source → destination": what each bundled edge must carry. */
function truthBundles(truth: EdgeTruth[]) {
  const bundles = new Map<string, EdgeTruth[]>();
  for (const e of active(truth)) {
    if (e.source && e.destination) {
      const key = `${e.source.namespace} → ${e.destination.namespace}`;
      bundles.set(key, [...(bundles.get(key) ?? []), e]);
    }
  }
  return [...bundles].map(([pair, members]) => {
    const requests = members.filter((e) => e.protocol !== 'tcp');
    const rate = requests.reduce((sum, e) => sum + e.rate, 0);
    const timed = requests.filter((e) => e.latencyMs);
    return {
      pair,
      rate,
      errorShare: rate > 0 ? requests.reduce((sum, e) => sum + e.rate * e.errorShare, 0) / rate : undefined,
      // The worst p95 lies between the highest p90 bucket's lower bound and the highest p99 bucket's upper one.
      p95:
        timed.length && timed.every((e) => e.rate * WINDOW_S >= TIMED_REQUESTS)
          ? {
              low: Math.max(...timed.map((e) => e.latencyMs!.p90Bucket[0])),
              high: Math.max(...timed.map((e) => bucketOf(e.latencyMs!.p99)[1])),
            }
          : undefined,
      timed: timed.length > 0,
    };
  });
}

/** The workloads of `namespace` that /truth says carry traffic: those the expanded namespace must show. */
function trafficWorkloads(truth: EdgeTruth[], namespace: string): string[] {
  const ends = active(truth).flatMap((e) => [e.source, e.destination]);
  return [...new Set(ends.filter((w) => w?.namespace === namespace).map((w) => w!.workload))].sort();
}

/** A workload node's namespace: its id is `wl:<cluster>/<namespace>/<workload>`. */
const namespaceOf = (id: string) => id.split('/')[1];
const byLabel = (nodes: HookNode[], label: string) => nodes.find((n) => n.label === label)!;
const namespaceNodes = (nodes: HookNode[]) => nodes.filter((n) => n.id.startsWith('ns:'));
const getOptions = (page: Page) =>
  page.evaluate(() => window.meshscopePreview.getOptions()) as Promise<{
    topology: { expandedNamespaces: string[]; collapsedNamespaces: string[] };
  }>;

describe('the overview', () => {
  it('opens on one node per namespace, each bundled edge carrying /truth’s summed rate, error share and worst p95', async () => {
    const t = await open();
    const truth = live.sim.truth().edges;
    const namespaces = [
      ...new Set(
        active(truth)
          .flatMap((e) => [e.source?.namespace, e.destination?.namespace])
          .filter((n) => !!n)
      ),
    ].sort();
    expect(namespaces.length).toBeGreaterThanOrEqual(12);
    const nodes = await hookNodes(t.page);
    expect(
      namespaceNodes(nodes)
        .map((n) => n.label)
        .sort()
    ).toEqual(namespaces);
    // Nothing but namespaces and what lies outside any (unknown callers, egress).
    expect(nodes.filter((n) => n.id.startsWith('wl:'))).toEqual([]);

    const label = new Map(nodes.map((n) => [n.id, n.label]));
    const drawn = new Map(
      (await hookEdges(t.page))
        .filter((e) => e.source.startsWith('ns:') && e.target.startsWith('ns:'))
        .map((e) => [`${label.get(e.source)} → ${label.get(e.target)}`, e])
    );
    const expected = truthBundles(truth);
    expect([...drawn.keys()].sort()).toEqual(expected.map((b) => b.pair).sort());
    const mistakes: string[] = [];
    const lag = await lagAllowance();
    // Past this the scrapes, not the panel, would decide the check.
    expect(lag).toBeLessThan(0.1);
    for (const b of expected) {
      const e = drawn.get(b.pair)!;
      const tolerance = (b.rate < SMALL_RATE ? SMALL_RATE_TOLERANCE : RATE_TOLERANCE) + lag;
      if (b.rate > 0 && Math.abs(e.rate / b.rate - 1) > tolerance) {
        mistakes.push(`${b.pair}: rate ${e.rate}, truth ${b.rate}`);
      }
      if (
        b.errorShare === undefined
          ? e.errorShare !== undefined
          : !(Math.abs(e.errorShare! - b.errorShare) <= SHARE_TOLERANCE)
      ) {
        mistakes.push(`${b.pair}: error share ${e.errorShare}, truth ${b.errorShare}`);
      }
      if (b.timed !== (e.p95 !== undefined)) {
        mistakes.push(`${b.pair}: p95 ${e.p95}, truth ${b.timed ? 'timed' : 'no timed traffic'}`);
      } else if (b.p95 && !(e.p95! >= b.p95.low && e.p95! <= b.p95.high)) {
        mistakes.push(`${b.pair}: p95 ${e.p95}, truth between ${b.p95.low} and ${b.p95.high}`);
      }
    }
    expect(mistakes).toEqual([]);
    // Enough bundles are busy enough for /truth to bound their p95.
    expect(expected.filter((b) => b.p95).length).toBeGreaterThanOrEqual(MIN_BOUNDED_BUNDLES);

    // Each bundle's p95 is its slowest member's: the same results drawn expanded (options change, no new query).
    await expandAll(t.page);
    const slowest = new Map<string, number>();
    for (const e of await hookEdges(t.page)) {
      const pair = `${namespaceOf(e.source)} → ${namespaceOf(e.target)}`;
      if (e.p95 !== undefined && drawn.has(pair)) {
        slowest.set(pair, Math.max(slowest.get(pair) ?? 0, e.p95));
      }
    }
    expect(
      Object.fromEntries([...drawn].map(([pair, e]) => [pair, e.p95]).filter(([, p95]) => p95 !== undefined))
    ).toEqual(Object.fromEntries(slowest));
    await close(t);
  });

  it('fills a 1400 × 850 panel at its default fit: at least half its area, 70 % of its width and of its height', async () => {
    const t = await openTopology(live.browser, live.preview.url, `${query}&width=1400&height=850`, undefined, {
      width: 1440,
      height: 890,
    });
    await waitForGraph(t.page);
    // What is drawn, in page pixels: the group boxes and the node discs shown, against the whole panel (its toolbar
    // included), as the readability bench measures it.
    const { panel, drawn } = await t.page.evaluate(() => {
      const hook = window.__meshscopeTopology!;
      const box = document.querySelector('[data-testid="meshscope-topology"]')!.getBoundingClientRect();
      const radii = hook.radii();
      const discs = hook
        .nodes()
        .flatMap((n, i) =>
          n.visible ? [{ x: n.x - radii[i], y: n.y - radii[i], width: 2 * radii[i], height: 2 * radii[i] }] : []
        );
      return {
        panel: { x: box.left, y: box.top, width: box.width, height: box.height },
        drawn: [...hook.groups(), ...discs],
      };
    });
    // The view inside Grafana's panel chrome (its title and padding): 1382 × 802.
    expect(panel.width > 1350 && panel.height > 780).toBe(true);
    const c = coverage(drawn, panel);
    expect(c.area).toBeGreaterThanOrEqual(0.5);
    expect(c.width).toBeGreaterThanOrEqual(0.7);
    expect(c.height).toBeGreaterThanOrEqual(0.7);
    await close(t);
  });

  it('expands a namespace in place on a click and collapses it on a click in its box, saving the choice', async () => {
    const t = await open();
    const before = await hookNodes(t.page);
    const workloads = live.sim.topology.workloads;
    // The namespace with the most workloads, so that expanding it shows many.
    const counts = new Map<string, number>();
    workloads.forEach((w) => counts.set(w.namespace, (counts.get(w.namespace) ?? 0) + 1));
    const [namespace] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const members = trafficWorkloads(live.sim.truth().edges, namespace);
    const target = byLabel(before, namespace);
    const others = namespaceNodes(before).filter((n) => n.label !== namespace);

    await t.page.mouse.click(target.x, target.y);
    await t.page.waitForFunction((id) => !window.__meshscopeTopology!.nodes().some((n) => n.id === id), target.id);
    const expanded = await hookNodes(t.page);
    const shown = expanded.filter((n) => n.id.startsWith('wl:') && n.id.includes(`/${namespace}/`));
    expect(shown.map((n) => n.label).sort()).toEqual(members);
    // In place: the other namespaces did not move, and the new nodes lie in the expanded namespace's box.
    const moved = others
      .map((n) => ({ n, now: byLabel(expanded, n.label) }))
      .filter(({ n, now }) => Math.hypot(now.x - n.x, now.y - n.y) > 0.5)
      .map(({ n }) => n.label);
    expect(moved).toEqual([]);
    const box = (await t.page.evaluate(() => window.__meshscopeTopology!.groups())).find((g) =>
      g.group.endsWith(`/${namespace}`)
    )!;
    for (const n of shown) {
      expect(n.x >= box.x && n.x <= box.x + box.width && n.y >= box.y && n.y <= box.y + box.height).toBe(true);
    }
    const saved = (await getOptions(t.page)).topology;
    expect(saved.expandedNamespaces.filter((g) => g.endsWith(`/${namespace}`))).toHaveLength(1);
    expect(saved.collapsedNamespaces).toEqual([]);

    // A click in the box's padding collapses it back where it was.
    await t.page.mouse.click(box.x + 3, box.y + 3);
    await t.page.waitForTimeout(200);
    expect(await t.page.getByTestId('meshscope-topology-menu').count()).toBe(0);
    await t.page.waitForFunction((id) => window.__meshscopeTopology!.nodes().some((n) => n.id === id), target.id);
    const again = await hookNodes(t.page);
    expect(again.filter((n) => n.id.startsWith('wl:'))).toEqual([]);
    const back = byLabel(again, namespace);
    expect(Math.hypot(back.x - target.x, back.y - target.y)).toBeLessThan(0.5);
    expect((await getOptions(t.page)).topology.expandedNamespaces).toEqual([]);
    await close(t);
  });

  it('opens with a namespace expanded when mounted with the options a click saved', async () => {
    const first = await open();
    const namespace = live.sim.truth().edges.find((e) => e.rate > 0 && e.destination)!.destination!.namespace;
    const node = byLabel(await hookNodes(first.page), namespace);
    await first.page.mouse.click(node.x, node.y);
    await first.page.waitForFunction((id) => !window.__meshscopeTopology!.nodes().some((n) => n.id === id), node.id);
    const { topology } = await getOptions(first.page);
    await close(first);

    const t = await open({ topology: { expandedNamespaces: topology.expandedNamespaces } });
    const nodes = await hookNodes(t.page);
    const expected = trafficWorkloads(live.sim.truth().edges, namespace);
    expect(
      nodes
        .filter((n) => n.id.startsWith('wl:') && n.id.includes(`/${namespace}/`))
        .map((n) => n.label)
        .sort()
    ).toEqual(expected);
    expect(namespaceNodes(nodes).map((n) => n.label)).not.toContain(namespace);
    expect(namespaceNodes(nodes).length).toBeGreaterThanOrEqual(11);
    await close(t);
  });
});
