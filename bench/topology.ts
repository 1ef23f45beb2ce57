import '../test/preview/prometheus/node-dom';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { dataFrameToJSON } from '@grafana/data';
import { DEFAULT_OPTIONS } from '../src/options';
import { framesToGraph } from '../src/topology/model/framesToGraph';
import { syntheticMesh } from '../src/topology/model/synthetic';
import { TopologyGraph } from '../src/topology/model/types';
import { launchChromium, UNTHROTTLED_FRAMES } from '../test/helpers/chromium';
import { startPreview } from '../test/preview/server';
import type { TopologyTestHook } from '../src/topology/testHook';
import type { AnchorGraph } from './anchors/cytoscapePage';
import { bundleForBrowser } from './browserBundle';

const SIZES = [100, 1000, 5000];
const PAN_FRAMES = 120;
const VIEWPORT = { width: 1200, height: 800 };
// dagre is super-linear; past this the anchor is reported as timed out rather than holding the run hostage.
const ANCHOR_TIMEOUT_MS = 240_000;

export interface TopologyBench {
  nodes: number;
  edges: number;
  ours_first_frame_ms: number;
  ours_frame_ms: number;
  cytoscape_first_frame_ms: number | string;
  cytoscape_frame_ms: number | string;
  first_frame_ratio: number | string;
  frame_ratio: number | string;
}

function anchorGraph(graph: TopologyGraph): AnchorGraph {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, label: n.label })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: `${e.rate.toFixed(1)} rps` })),
  };
}

/** Frames → first complete frame on the preview page, then pan/zoom steps one per (unthrottled) animation frame. */
async function measureOurs(page: Page, frames: unknown[], nodes: number) {
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
  const frame = await page.evaluate(async (count) => {
    const hook = window.__meshscopeTopology!;
    hook.fit();
    const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await next();
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const v = hook.viewport();
      hook.setViewport({ x: v.x + (i % 2 ? 7 : -5), y: v.y + 3, k: v.k * (i % 2 ? 1.02 : 0.985) });
      await next();
    }
    return (performance.now() - started) / count;
  }, PAN_FRAMES);
  return { firstFrame, frame };
}

async function measureAnchor(browser: Browser, script: string, graph: AnchorGraph) {
  const page = await benchPage(browser);
  try {
    await page.setContent(`<div id="cy" style="width:${VIEWPORT.width}px;height:${VIEWPORT.height}px"></div>`);
    await page.addScriptTag({ content: script });
    type Bench = { firstFrame(g: AnchorGraph): Promise<number>; panZoom(n: number): Promise<number> };
    const firstFrame = await Promise.race([
      page.evaluate((g) => (window as unknown as { cytoscapeBench: Bench }).cytoscapeBench.firstFrame(g), graph),
      new Promise<string>((resolve) => setTimeout(() => resolve(`timeout > ${ANCHOR_TIMEOUT_MS}`), ANCHOR_TIMEOUT_MS)),
    ]);
    if (typeof firstFrame === 'string') {
      return { firstFrame, frame: 'not measured' };
    }
    const frame = await page.evaluate((n) => (window as unknown as { cytoscapeBench: Bench }).cytoscapeBench.panZoom(n), PAN_FRAMES);
    return { firstFrame, frame };
  } finally {
    await page.close();
  }
}

// tsx compiles with esbuild's keepNames, which wraps the functions handed to page.evaluate in a __name() call
// that does not exist in the page.
async function benchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript('globalThis.__name = (f) => f');
  return page;
}

const ratio = (anchor: number | string, ours: number) => (typeof anchor === 'number' ? anchor / ours : `> ${Math.floor(ANCHOR_TIMEOUT_MS / ours)}`);

/** `topology` section: our view and cytoscape.js + dagre on the same synthetic meshes, in the same Chromium. */
export async function benchTopology(): Promise<TopologyBench[]> {
  const [preview, browser, script] = await Promise.all([
    startPreview(),
    launchChromium(UNTHROTTLED_FRAMES),
    bundleForBrowser(join(__dirname, 'anchors', 'cytoscapePage.ts')),
  ]);
  try {
    const page = await benchPage(browser);
    await page.goto(`${preview.url}?view=topology&width=${VIEWPORT.width}&height=${VIEWPORT.height}`);
    await page.waitForFunction(() => window.meshscopePreview !== undefined);
    const results: TopologyBench[] = [];
    for (const size of SIZES) {
      const mesh = syntheticMesh(size);
      const graph = framesToGraph(mesh.frames, DEFAULT_OPTIONS.topology);
      const ours = await measureOurs(page, mesh.frames.map((f) => dataFrameToJSON(f)), graph.nodes.length);
      const anchor = await measureAnchor(browser, script, anchorGraph(graph));
      results.push({
        nodes: graph.nodes.length,
        edges: graph.edges.length,
        ours_first_frame_ms: ours.firstFrame,
        ours_frame_ms: ours.frame,
        cytoscape_first_frame_ms: anchor.firstFrame,
        cytoscape_frame_ms: anchor.frame,
        first_frame_ratio: ratio(anchor.firstFrame, ours.firstFrame),
        frame_ratio: typeof anchor.frame === 'number' ? anchor.frame / ours.frame : anchor.frame,
      });
    }
    return results;
  } finally {
    await Promise.allSettled([browser.close(), preview.close()]);
  }
}
