/**
 * Problems first, in real Chromium on the preview page (the built plugin as Grafana loads it), fed by a real
 * Prometheus scraping the simulator's default mesh through the Mesh dashboard's topology queries: the worst-edges
 * list against /truth (order, error share, p95, rate), a click on a row centring and highlighting its edge, and focus
 * mode at one and two hops drawing exactly /truth's neighbourhood and fading the rest.
 */
import { Page } from 'playwright-core';
import { DEFAULT_OPTIONS } from '../../src/options';
import { type EdgeTruth } from '../../simulator';
import { bucketOf } from '../../simulator/truth';
import { readPng, Screenshot } from '../helpers/pixels';
import { LiveMesh, startLiveMesh } from '../topology/liveMesh';
import { active, edgeTitle, parseMs, parseRate, parseShare } from '../topology/expected';
import { closeGraph, hookEdges, hookNodes, meshTopologyQueries, nodeByLabel, openGraph } from '../topology/page';

/** As test/browser/topology.test.ts: the rate window, and what the simulator guarantees over it. */
const WINDOW_S = 40;
const RATE_TOLERANCE = 0.05;
/** Shares as the other tests compare them with /truth: within one percentage point. */
const SHARE_TOLERANCE = 0.01;

let live: LiveMesh;
let query: string;

beforeAll(async () => {
  live = await startLiveMesh();
  await live.prom.waitForScrapes(2);
  // A quarter window more than the window: the first test runs at once, and a rate over a window Prometheus has not
  // fully scraped yet reads low (5–6 % here).
  await new Promise((r) => setTimeout(r, Math.max(0, live.promStarted + WINDOW_S * 1250 - Date.now())));
  const queries = meshTopologyQueries(WINDOW_S);
  const param = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  query = `queries=${param(queries)}&options=${param({ topology: { worstEdges: true } })}`;
}, 120_000);

afterAll(() => live?.close());

const open = () => openGraph(live.browser, live.preview.url, `${query}&theme=dark`);
const close = closeGraph;

type Row = { id: string; title: string; errors: string; p95: string; traffic: string; picked: boolean };
const rows = (page: Page) => page.evaluate(() => window.__meshscopeTopology!.worstEdges()) as Promise<Row[]>;

/** Edges /truth says are degraded or failing at the panel's default thresholds: HTTP and gRPC with failed requests. */
const problems = (truth: EdgeTruth[]) =>
  active(truth).filter((e) => e.protocol !== 'tcp' && e.errorShare >= DEFAULT_OPTIONS.topology.errorDegraded);

describe('the worst-edges list', () => {
  it('lists /truth’s failing and degraded edges first, worst first, with their error share, p95 and rate', async () => {
    const t = await open();
    const truth = live.sim.truth().edges;
    const worst = problems(truth);
    expect(worst.length).toBeGreaterThan(2);
    const shown = await rows(t.page);
    expect(shown).toHaveLength(10);
    // The list's text is what the test hook reports.
    expect(await t.page.getByTestId('meshscope-worst-edge').allTextContents()).toEqual(
      shown.map((r) => `${r.title}${r.errors}${r.p95}${r.traffic}`)
    );

    const head = shown.slice(0, worst.length);
    expect(head.map((r) => r.title).sort()).toEqual(worst.map(edgeTitle).sort());
    const truthOf = (r: Row) => worst.find((e) => edgeTitle(e) === r.title)!;
    const failing = (e: EdgeTruth) => e.errorShare >= DEFAULT_OPTIONS.topology.errorFailure;
    const mistakes: string[] = [];
    head.forEach((r, i) => {
      const e = truthOf(r);
      if (Math.abs(parseShare(r.errors) - e.errorShare) > SHARE_TOLERANCE) {
        mistakes.push(`${r.title}: errors ${r.errors}, truth ${e.errorShare}`);
      }
      if (Math.abs(parseRate(r.traffic) / e.rate - 1) > RATE_TOLERANCE) {
        mistakes.push(`${r.title}: rate ${r.traffic}, truth ${e.rate}`);
      }
      // p95 lies between p90 and p99: from the p90 bucket's lower bound to the p99 bucket's upper one.
      const p95 = parseMs(r.p95);
      if (p95 < e.latencyMs!.p90Bucket[0] || p95 > bucketOf(e.latencyMs!.p99)[1]) {
        mistakes.push(`${r.title}: p95 ${r.p95}, truth p90 ${e.latencyMs!.p90}, p99 ${e.latencyMs!.p99}`);
      }
      // Worst first: failing before degraded; no row after one whose truth share is clearly lower.
      for (const later of head.slice(i + 1).map(truthOf)) {
        if (failing(later) && !failing(e)) {
          mistakes.push(`${edgeTitle(later)} (failing) listed after ${r.title}`);
        }
        if (later.errorShare > e.errorShare + SHARE_TOLERANCE) {
          mistakes.push(`${edgeTitle(later)} (${later.errorShare}) listed after ${r.title} (${e.errorShare})`);
        }
      }
    });
    expect(mistakes).toEqual([]);
    // After the problems, edges without failures.
    for (const r of shown.slice(worst.length)) {
      expect(problems(truth).map(edgeTitle)).not.toContain(r.title);
    }
    await close(t);
  });

  it('centres the edge of a clicked row in the view and highlights it', async () => {
    const t = await open();
    const canvas = (await t.page.getByTestId('meshscope-topology-canvas').boundingBox())!;
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    const listed = await rows(t.page);
    for (const [i, row] of listed.slice(0, 4).entries()) {
      await t.page.getByTestId('meshscope-worst-edge').nth(i).getByRole('button').click();
      await t.page.waitForFunction((id) => window.__meshscopeTopology!.highlightedEdge() === id, row.id);
      const nodes = await hookNodes(t.page);
      const [from, to] = row.id.split('->').map((end, j) => (j === 0 ? end : end.replace(/:[a-z]+$/, '')));
      const a = nodes.find((n) => n.id === from)!;
      const b = nodes.find((n) => n.id === to)!;
      // The drawn curve's middle is centred (its path from the test hook, an odd number of points when curved).
      const { path } = (await hookEdges(t.page)).find((e) => e.id === row.id)!;
      const middle =
        path.length === 2
          ? { x: (path[0].x + path[1].x) / 2, y: (path[0].y + path[1].y) / 2 }
          : path[(path.length - 1) / 2];
      expect(Math.hypot(middle.x - centre.x, middle.y - centre.y)).toBeLessThan(2);
      expect(a.visible && b.visible).toBe(true);
      expect((await rows(t.page))[i].picked).toBe(true);
      // Highlighted: the hover overlay, transparent elsewhere, is drawn on at the centre, where the edge now is.
      const drawn = await t.page.getByTestId('meshscope-topology-hover').evaluate((el: HTMLCanvasElement) => {
        const r = 6 * devicePixelRatio;
        const { data } = el.getContext('2d')!.getImageData(el.width / 2 - r, el.height / 2 - r, 2 * r, 2 * r);
        return data.filter((_, k) => k % 4 === 3 && data[k] > 0).length;
      });
      expect(drawn).toBeGreaterThan(0);
    }
    await close(t);
  });
});

/** Share of pixels in the box (screenshot pixels) that differ clearly between two screenshots of the same size. */
function changedIn(a: Screenshot, b: Screenshot, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let changed = 0;
  let total = 0;
  for (let y = Math.max(0, Math.round(box.y0)); y < Math.min(a.height, Math.round(box.y1)); y++) {
    for (let x = Math.max(0, Math.round(box.x0)); x < Math.min(a.width, Math.round(box.x1)); x++) {
      const i = (y * a.width + x) * 4;
      const distance = [0, 1, 2].reduce((d, c) => d + Math.abs(a.data[i + c] - b.data[i + c]), 0);
      changed += distance > 60 ? 1 : 0;
      total++;
    }
  }
  return total === 0 ? 0 : changed / total;
}

/** /truth's k-hop neighbourhood of a workload, by label, over edges with traffic in both directions. */
function truthNeighbourhood(truth: EdgeTruth[], start: string, hops: number): string[] {
  const pairs = active(truth).map((e) => edgeTitle(e).split(' → '));
  let members = new Set([start]);
  for (let hop = 0; hop < hops; hop++) {
    const next = new Set(members);
    for (const [s, d] of pairs) {
      if (members.has(s)) {
        next.add(d);
      }
      if (members.has(d)) {
        next.add(s);
      }
    }
    members = next;
  }
  return [...members].sort();
}

describe('focus mode', () => {
  it('at one and two hops shows exactly /truth’s neighbourhood and fades the rest, and Escape leaves it', async () => {
    const t = await open();
    const truth = live.sim.truth().edges;
    const canvas = t.page.getByTestId('meshscope-topology-canvas');
    const box = (await canvas.boundingBox())!;
    const around = (n: { x: number; y: number }) => ({
      x0: n.x - box.x - 8,
      y0: n.y - box.y - 8,
      x1: n.x - box.x + 8,
      y1: n.y - box.y + 8,
    });
    await t.page.mouse.move(1, 1);
    const before = readPng(await canvas.screenshot());
    const start = await nodeByLabel(t.page, 'reviews-v2');
    await t.page.mouse.click(start.x, start.y);
    await t.page.getByTestId('meshscope-topology-action-focus').click();
    for (const hops of [1, 2]) {
      if (hops > 1) {
        await t.page.getByTestId('meshscope-topology-focus-hops').fill(String(hops));
      }
      await t.page.waitForFunction((k) => window.__meshscopeTopology!.focus()?.hops === k, hops);
      const focus = (await t.page.evaluate(() => window.__meshscopeTopology!.focus()))!;
      const nodes = await hookNodes(t.page);
      const label = (id: string) => nodes.find((n) => n.id === id)!.label;
      const expected = truthNeighbourhood(truth, 'reviews-v2', hops);
      expect(focus.members.map(label).sort()).toEqual(expected);
      expect(expected.length).toBeLessThan(nodes.length);

      // Pixels, against the same view before focus: members drawn as they were, the others faded (their rings
      // change colour; namespace boxes make a fixed background colour useless here).
      await t.page.mouse.move(1, 1);
      await t.page.waitForTimeout(300);
      const after = readPng(await canvas.screenshot());
      const wrong = nodes
        .filter((n) => n.visible)
        .map((n) => ({ n, member: expected.includes(n.label), changed: changedIn(before, after, around(n)) }))
        .filter(({ member, changed }) => (member ? changed > 0.1 : changed < 0.2))
        .map(({ n, member, changed }) => `${n.label} ${member ? 'member' : 'faded'}: ${changed.toFixed(2)} changed`);
      expect(wrong).toEqual([]);
    }
    await t.page.keyboard.press('Escape');
    await t.page.waitForFunction(() => window.__meshscopeTopology!.focus() === undefined);
    await close(t);
  });
});
