import '../test/preview/prometheus/node-dom';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { dataFrameToJSON } from '@grafana/data';
import { DEFAULT_OPTIONS } from '../src/options';
import { fullMeshOptions } from './fullMesh';
import { framesToGraph } from '../src/topology/model/framesToGraph';
import { syntheticMesh } from '../test/support/syntheticMesh';
import { TopologyGraph } from '../src/topology/model/types';
import { launchChromium, UNTHROTTLED_FRAMES } from '../test/helpers/chromium';
import { startPreview } from '../test/preview/server';
import { askForTestHook, waitForRoutes } from '../test/topology/page';
import type { TopologyTestHook } from '../src/topology/canvas/testHook';
import type { AnchorGraph, ElementPoints } from './anchors/cytoscapePage';
import { bundleForBrowser } from './browserBundle';
import { median } from './stats';

const SIZES = [100, 1000, 5000];
const PAN_FRAMES = 120;
/** Gestures timed for the crisp redraw each ends with, and the pan/zoom steps of each. */
const GESTURES = 5;
const GESTURE_STEPS = 10;
/** Hovers timed per view, half onto nodes and half onto edge midpoints. */
const HOVERS = 20;
const VIEWPORT = { width: 1200, height: 800 };
// dagre is super-linear; past this the anchor is reported as timed out rather than holding the run hostage.
const ANCHOR_TIMEOUT_MS = 240_000;
const NOT_MEASURED = 'not measured';

/** Milliseconds, or why there are none. */
type Figure = number | string;
const METRICS = ['first_frame', 'frame', 'crisp', 'hover'] as const;
type Figures = Record<(typeof METRICS)[number], Figure>;

/** Per mesh size and metric: ours, the anchor's and the ratio, in that column order. */
type TopologyBench = Record<string, Figure>;

function anchorGraph(graph: TopologyGraph): AnchorGraph {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, label: n.label })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: `${e.rate.toFixed(1)} rps`,
    })),
  };
}

type Point = { x: number; y: number };

/**
 * HOVERS targets spread evenly over the nodes and edge midpoints in view (in the drawing and on the page), alternating;
 * and empty space to leave to.
 */
function hoverTargets({ box, nodes, edges }: ElementPoints): { targets: Point[]; away: Point } {
  const right = Math.min(box.right, VIEWPORT.width) - 2;
  const bottom = Math.min(box.bottom, VIEWPORT.height) - 2;
  const inView = (p: Point) => p.x > box.left + 2 && p.x < right && p.y > box.top + 2 && p.y < bottom;
  const spread = (points: Point[]) => {
    const shown = points.filter(inView);
    return Array.from({ length: HOVERS / 2 }, (_, i) => shown[Math.floor((i * shown.length) / (HOVERS / 2))]);
  };
  const onEdges = spread(edges);
  const targets = spread(nodes)
    .flatMap((node, i) => [node, onEdges[i]])
    .filter((p) => p !== undefined);
  if (targets.length < HOVERS) {
    throw new Error(`only ${targets.length} nodes and edges in view to hover`);
  }
  return { targets, away: { x: box.left + 3, y: box.top + 3 } };
}

/**
 * Frames → first complete frame on the preview page; pan/zoom steps one per (unthrottled) animation frame; the crisp
 * redraw that ends each of GESTURES gestures; hovers onto nodes and edges.
 */
async function measureOurs(page: Page, frames: unknown[], nodes: number): Promise<Figures> {
  const firstFrame = await page.evaluate(
    async ({ json, expected }) => {
      const w = window;
      delete w.__meshscopeTopology;
      const started = performance.now();
      w.meshscopePreview.setFrames(json as never);
      const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
      while (((w.__meshscopeTopology as TopologyTestHook | undefined)?.nodes().length ?? 0) < expected) {
        await next();
      }
      await next();
      return performance.now() - started;
    },
    { json: frames, expected: nodes }
  );
  // Gestures on the settled panel, its curves routed.
  await waitForRoutes(page);
  const { frame, crisp } = await page.evaluate(
    async ({ count, gestures, steps }) => {
      const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const hook = window.__meshscopeTopology!;
      // The steps cytoscapePage.ts gives the anchor.
      const step = (i: number) => {
        const v = hook.viewport();
        hook.setViewport({ x: v.x + (i % 2 ? 7 : -5), y: v.y + 3, k: v.k * (i % 2 ? 1.02 : 0.985) });
      };
      hook.fit();
      await next();
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        step(i);
        await next();
      }
      const perStep = (performance.now() - started) / count;
      // Each gesture starts from the fitted view (the pan steps drift downwards, off the mesh by their end). Timed
      // from the last frame before the full redraw (SETTLE_MS after the last step) to the frame after the one it
      // shows in: the same two frames the anchor's figure spans.
      const redraws: number[] = [];
      for (let g = 0; g < gestures; g++) {
        hook.fit();
        await next();
        for (let i = 0; i < steps; i++) {
          step(i);
          await next();
        }
        const drawn = hook.draws();
        let before = performance.now();
        for (;;) {
          await next();
          if (hook.draws() !== drawn) {
            break;
          }
          before = performance.now();
        }
        await next();
        redraws.push(performance.now() - before);
      }
      return { frame: perStep, crisp: redraws };
    },
    { count: PAN_FRAMES, gestures: GESTURES, steps: GESTURE_STEPS }
  );
  const points = await page.evaluate(() => {
    const hook = window.__meshscopeTopology!;
    const box = document.querySelector('[data-testid="meshscope-topology-canvas"]')!.getBoundingClientRect();
    return {
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      nodes: hook.nodes(),
      edges: hook.edges(),
    };
  });
  const hover = await page.evaluate(async ({ targets, away }) => {
    const canvas = document.querySelector('[data-testid="meshscope-topology-canvas"]')!;
    const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const tooltip = () => document.querySelector('[data-testid="meshscope-topology-tooltip"]')?.outerHTML;
    const move = (x: number, y: number) =>
      canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
    // From the pointer move to the frame after the one that shows the tooltip (the highlight is drawn with it).
    const times: number[] = [];
    for (const { x, y } of targets) {
      move(away.x, away.y);
      await next();
      await next();
      const before = tooltip();
      const started = performance.now();
      move(x, y);
      while (tooltip() === before) {
        if (performance.now() - started > 10_000) {
          throw new Error(`hovering ${x}, ${y} showed no tooltip`);
        }
        await next();
      }
      await next();
      times.push(performance.now() - started);
    }
    return times;
  }, hoverTargets(points));
  return { first_frame: firstFrame, frame, crisp: median(crisp), hover: median(hover) };
}

/** The same figures for cytoscape.js + dagre, or its timeout and "not measured" when it had drawn nothing by then. */
async function measureAnchor(browser: Browser, script: string, graph: AnchorGraph): Promise<Figures> {
  const page = await benchPage(browser);
  try {
    await page.setContent(`<div id="cy" style="width:${VIEWPORT.width}px;height:${VIEWPORT.height}px"></div>`);
    await page.addScriptTag({ content: script });
    const firstFrame = await Promise.race([
      page.evaluate((g) => window.cytoscapeBench.firstFrame(g), graph),
      new Promise<string>((resolve) => setTimeout(() => resolve(`timeout > ${ANCHOR_TIMEOUT_MS}`), ANCHOR_TIMEOUT_MS)),
    ]);
    if (typeof firstFrame === 'string') {
      return { first_frame: firstFrame, frame: NOT_MEASURED, crisp: NOT_MEASURED, hover: NOT_MEASURED };
    }
    const frame = await page.evaluate((n) => window.cytoscapeBench.panZoom(n), PAN_FRAMES);
    const crisp = await page.evaluate(([g, s]) => window.cytoscapeBench.crispRedraws(g, s), [GESTURES, GESTURE_STEPS]);
    const { targets, away } = hoverTargets(await page.evaluate(() => window.cytoscapeBench.elementPoints()));
    const hover = await page.evaluate(([t, a]) => window.cytoscapeBench.hovers(t, a), [targets, away] as const);
    return { first_frame: firstFrame, frame, crisp: median(crisp), hover: median(hover) };
  } finally {
    await page.close();
  }
}

// tsx compiles with esbuild's keepNames, which wraps the functions handed to page.evaluate in a __name() call
// that does not exist in the page.
async function benchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript('globalThis.__name = (f) => f');
  await askForTestHook(page);
  return page;
}

/** How many times longer the anchor took; for a first frame it never drew, at least its timeout over ours. */
const ratio = (anchor: Figure, ours: Figure) =>
  typeof anchor === 'number' && typeof ours === 'number'
    ? anchor / ours
    : anchor === NOT_MEASURED
      ? NOT_MEASURED
      : `> ${Math.floor(ANCHOR_TIMEOUT_MS / Number(ours))}`;

/** `topology` section: our view and cytoscape.js + dagre on the same synthetic meshes, in the same Chromium. */
export async function benchTopology(): Promise<TopologyBench[]> {
  const [preview, browser, script] = await Promise.all([
    startPreview(),
    launchChromium(UNTHROTTLED_FRAMES),
    bundleForBrowser(join(__dirname, 'anchors', 'cytoscapePage.ts')),
  ]);
  try {
    const meshes = SIZES.map((size) => {
      const mesh = syntheticMesh(size);
      return { mesh, graph: framesToGraph(mesh.frames, DEFAULT_OPTIONS.topology) };
    });
    const page = await benchPage(browser);
    const full = fullMeshOptions(meshes.map((m) => m.graph));
    await page.goto(`${preview.url}?view=topology&width=${VIEWPORT.width}&height=${VIEWPORT.height}&${full}`);
    await page.waitForFunction(() => window.meshscopePreview !== undefined);
    // Ours on every mesh before any anchor: an anchor given up on at its timeout goes on computing in its page for a
    // while, and a core it holds would stretch the next figure of ours (a 5,000-node first frame measured after
    // cytoscape's 1,000-node timeout took 1.56 s; measured first, about 0.9 s). The machine is shared besides: each
    // row says how busy it was as ours were measured.
    const ours: Array<{ load: number; figures: Figures }> = [];
    for (const { mesh, graph } of meshes) {
      const load = loadavg()[0];
      ours.push({
        load,
        figures: await measureOurs(
          page,
          mesh.frames.map((f) => dataFrameToJSON(f)),
          graph.nodes.length
        ),
      });
    }
    const results: TopologyBench[] = [];
    for (const [i, { graph }] of meshes.entries()) {
      const anchor = await measureAnchor(browser, script, anchorGraph(graph));
      const { load, figures } = ours[i];
      const row: TopologyBench = { nodes: graph.nodes.length, edges: graph.edges.length, load_1m: load };
      for (const metric of METRICS) {
        row[`ours_${metric}_ms`] = figures[metric];
        row[`cytoscape_${metric}_ms`] = anchor[metric];
        row[`${metric}_ratio`] = ratio(anchor[metric], figures[metric]);
      }
      results.push(row);
    }
    return results;
  } finally {
    await Promise.allSettled([browser.close(), preview.close()]);
  }
}
