import '../test/preview/prometheus/node-dom';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataFrame, dataFrameToJSON } from '@grafana/data';
import { Browser } from 'playwright-core';
import { DEFAULT_OPTIONS } from '../src/options';
import { fullMeshOptions } from './fullMesh';
import { layoutInput } from '../src/topology/layout/fromGraph';
import { layoutGraph } from '../src/topology/layout/layered';
import { framesToGraph } from '../src/topology/model/framesToGraph';
import { syntheticMesh } from '../test/support/syntheticMesh';
import { TopologyGraph } from '../src/topology/model/types';
import { fitViewport } from '../src/topology/render/viewport';
import { routeEdges } from '../src/topology/render/edgeRoutes';
import { fanOfLayout } from '../test/support/layoutPicture';
import { launchChromium } from '../test/helpers/chromium';
import { startPreview } from '../test/preview/server';
import { askForTestHook } from '../test/topology/page';
import {
  coverage,
  DrawnEdge,
  DrawnLabel,
  DrawnNode,
  edgeCrossings,
  labelOverlaps,
  nodesOnForeignEdges,
  overlappingEdges,
  Rect,
} from '../test/support/readability';
import { AnchorInput, AnchorPicture } from './readability/anchorLayouts';
import { generatedMeshFrames } from './readability/generatedMesh';
import { CAPTURE_LABELS, drawOurs, OurPicture } from './readability/ours';
import { median } from './stats';

const PANEL = { width: 1400, height: 850 };
/** Each anchor's layout is given this long per mesh; past it the mesh is reported as not finished. */
const ANCHOR_TIMEOUT_MS = 180_000;
/** Label font sizes at zoom 1 in each anchor's picture: ours draws node labels at 12, the cytoscape bench style 10. */
const ELK_LABEL = 12;
const CYTOSCAPE_LABEL = 10;
/** A proportional font's mean advance per character, for the anchors' modelled label widths. */
const CHAR_WIDTH_EM = 0.55;
const TIMED_RUNS = 3;
/** A node lies on an edge within its radius and this many px; edges overlap within 1 px of each other for 8 px. */
const NODE_SLACK_PX = 3;
const OVERLAP_PX = 1;
const OVERLAP_LENGTH_PX = 8;

type Figure = number | string;
type Row = Record<string, Figure>;

interface Figures {
  area: number;
  width: number;
  height: number;
  node_px: number;
  label_px: Figure;
  labels: number;
  label_overlaps: number;
  crossings: number;
  nodes_on_edges: number;
  overlapping_edges: number;
  layout_ms: Figure;
}

/** The figures every layout's edges and nodes give alike, in screen px. */
function edgeFigures(nodes: DrawnNode[], edges: DrawnEdge[]) {
  return {
    crossings: edgeCrossings(edges),
    nodes_on_edges: nodesOnForeignEdges(nodes, edges, NODE_SLACK_PX),
    overlapping_edges: overlappingEdges(edges, OVERLAP_PX, OVERLAP_LENGTH_PX),
  };
}

const MESHES: Array<{ name: string; frames: () => DataFrame[] }> = [
  ...[100, 300, 1000, 5000].map((n) => ({ name: `synthetic ${n}`, frames: () => syntheticMesh(n).frames })),
  { name: 'generated:300x12x900', frames: generatedMeshFrames },
];

/** The graph we drew at fit (the overview's namespace nodes and bundled edges), for the anchors to lay out flat. */
function drawnInput(drawn: OurPicture): AnchorInput {
  return {
    nodes: drawn.nodes.map((n) => ({ id: n.id, group: '' })),
    edges: drawn.edges
      .filter((e) => e.source !== e.target)
      .map((e, i) => ({ id: `e${i}`, source: e.source, target: e.target })),
  };
}

function anchorInput(graph: TopologyGraph): AnchorInput {
  const { nodes, edges } = layoutInput(graph, false);
  return {
    nodes: nodes.map((n) => ({ id: n.id, group: n.group })),
    edges: edges.map((e, i) => ({ id: `e${i}`, ...e })),
  };
}

/** Runs one anchor in a worker thread (tsx-compiled), stopped after ANCHOR_TIMEOUT_MS. */
function runAnchor(anchor: 'elk' | 'dagre', input: AnchorInput): Promise<AnchorPicture | string> {
  const file = join(__dirname, 'readability', 'anchorWorker.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData: { anchor, input },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(`not finished in ${ANCHOR_TIMEOUT_MS / 1000} s`);
    }, ANCHOR_TIMEOUT_MS);
    worker.on('message', (m: { picture?: AnchorPicture; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      m.picture ? resolve(m.picture) : reject(new Error(`${anchor}: ${m.error}`));
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const smallest = (values: number[]): Figure => (values.length > 0 ? Math.min(...values) : 'none shown');

function labelFigures(labels: DrawnLabel[], panel: Rect) {
  const inside = labels.filter(
    (l) =>
      l.x + l.width > panel.x && l.x < panel.x + panel.width && l.y + l.height > panel.y && l.y < panel.y + panel.height
  );
  return { label_px: smallest(inside.map((l) => l.px)), labels: inside.length, label_overlaps: labelOverlaps(inside) };
}

/**
 * An anchor's picture at its default fit in the panel: the same fit as ours (whole drawing, 40 px margin), every node
 * label drawn centred below (elk) or above (cytoscape's default) its node at the anchor's font size, as both draw
 * every label at any zoom.
 */
function anchorFigures(picture: AnchorPicture, label: Map<string, string>, nodeLabel: number, below: boolean): Figures {
  const boxes = [...picture.nodes, ...picture.groups];
  const bounds = {
    x0: Math.min(...boxes.map((b) => b.x)),
    y0: Math.min(...boxes.map((b) => b.y)),
    x1: Math.max(...boxes.map((b) => b.x + b.width)),
    y1: Math.max(...boxes.map((b) => b.y + b.height)),
  };
  const v = fitViewport(bounds, PANEL.width, PANEL.height);
  const screen = (b: Rect): Rect => ({
    x: b.x * v.k + v.x,
    y: b.y * v.k + v.y,
    width: b.width * v.k,
    height: b.height * v.k,
  });
  const px = nodeLabel * v.k;
  const labels = picture.nodes.map((n): DrawnLabel => {
    const s = screen(n);
    const text = label.get(n.id) ?? n.id;
    const width = Array.from(text).length * CHAR_WIDTH_EM * px;
    return {
      text,
      px,
      x: s.x + s.width / 2 - width / 2,
      y: below ? s.y + s.height + 4 * v.k : s.y - px,
      width,
      height: px,
    };
  });
  const panel = { x: 0, y: 0, ...PANEL };
  const cover = coverage(boxes.map(screen), panel);
  return {
    ...cover,
    node_px: Math.min(...picture.nodes.map((n) => n.width * v.k)),
    ...labelFigures(labels, panel),
    ...edgeFigures(
      picture.nodes.map((n) => {
        const s = screen(n);
        return { id: n.id, x: s.x + s.width / 2, y: s.y + s.height / 2, radius: s.width / 2 };
      }),
      picture.edges.map((e) => ({ ...e, points: e.points.map((p) => ({ x: p.x * v.k + v.x, y: p.y * v.k + v.y })) }))
    ),
    layout_ms: picture.layoutMs,
  };
}

function drawnFigures(drawn: OurPicture, layoutMs: Figure): Figures {
  return {
    ...coverage(drawn.drawn, drawn.panel),
    node_px: Math.min(...drawn.nodePx),
    ...labelFigures(drawn.labels, drawn.panel),
    ...edgeFigures(drawn.nodes, drawn.edges),
    layout_ms: layoutMs,
  };
}

/** Our panel's picture at its default fit: with every namespace expanded, or as it opens (`options` ''). */
async function drawAtFit(
  browser: Browser,
  url: string,
  frames: DataFrame[],
  options: string,
  nodes: number
): Promise<OurPicture> {
  const page = await browser.newPage({ viewport: { width: PANEL.width + 40, height: PANEL.height + 40 } });
  try {
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.addInitScript(CAPTURE_LABELS);
    await askForTestHook(page);
    await page.goto(`${url}?view=topology&width=${PANEL.width}&height=${PANEL.height}&${options}`);
    await page.waitForFunction(() => window.meshscopePreview !== undefined);
    return await drawOurs(
      page,
      frames.map((f) => dataFrameToJSON(f)),
      nodes
    );
  } finally {
    await page.close();
  }
}

async function ourFigures(browser: Browser, url: string, frames: DataFrame[], graph: TopologyGraph): Promise<Figures> {
  const input = layoutInput(graph, false);
  const aspect = Math.round((PANEL.width / (PANEL.height - 40)) * 10) / 10;
  // Positions and the curves chosen for the edges between them, as elkjs's time holds its routing.
  const layOut = () => routeEdges(fanOfLayout(input, layoutGraph(input, { pinned: {}, aspect })).fan);
  layOut();
  const times = Array.from({ length: TIMED_RUNS }, () => {
    const started = performance.now();
    layOut();
    return performance.now() - started;
  });
  const drawn = await drawAtFit(browser, url, frames, fullMeshOptions([graph]), graph.nodes.length);
  return drawnFigures(drawn, median(times));
}

const FIGURES = [
  'area',
  'width',
  'height',
  'node_px',
  'label_px',
  'labels',
  'label_overlaps',
  'crossings',
  'nodes_on_edges',
  'overlapping_edges',
  'layout_ms',
] as const;

/**
 * Ours over the anchor's, per figure; a figure either side did not give is carried over as text, except the layout
 * time of an anchor that did not finish, which bounds the ratio: ours over the time it was given.
 */
function ratios(ours: Figures, anchor: Figures | string): Row {
  const row: Row = {};
  for (const f of FIGURES) {
    const [a, b] = [ours[f], typeof anchor === 'string' ? anchor : anchor[f]];
    row[f] =
      f === 'layout_ms' && typeof a === 'number' && typeof anchor === 'string'
        ? `< ${(a / ANCHOR_TIMEOUT_MS).toPrecision(3)}`
        : typeof a === 'number' && typeof b === 'number'
          ? b === 0
            ? a === 0
              ? 1
              : '∞'
            : a / b
          : typeof b === 'string'
            ? b
            : String(a);
  }
  return row;
}

/**
 * `readability` section: each mesh at the default fit of a 1400 × 850 panel, drawn by our panel in Chromium and
 * laid out by elkjs layered (namespaces as compound nodes) and by cytoscape.js + dagre, in the same run.
 */
export async function benchReadability(): Promise<Row[]> {
  const [preview, browser] = await Promise.all([startPreview(), launchChromium()]);
  const rows: Row[] = [];
  try {
    for (const mesh of MESHES) {
      const frames = mesh.frames();
      const graph = framesToGraph(frames, DEFAULT_OPTIONS.topology);
      const head = { mesh: mesh.name, nodes: graph.nodes.length, edges: graph.edges.length };
      const ours = await ourFigures(browser, preview.url, frames, graph);
      const input = anchorInput(graph);
      const elk = await runAnchor('elk', input);
      const dagre = await runAnchor('dagre', input);
      const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
      const elkFigures = typeof elk === 'string' ? elk : anchorFigures(elk, labels, ELK_LABEL, true);
      const dagreFigures = typeof dagre === 'string' ? dagre : anchorFigures(dagre, labels, CYTOSCAPE_LABEL, false);
      const figures = (layout: string, f: Figures | string, at: Row = head): Row =>
        typeof f === 'string' ? { ...at, layout, area: f } : { ...at, layout, ...f };
      rows.push(
        figures('ours', ours),
        figures('elkjs layered', elkFigures),
        figures('cytoscape + dagre', dagreFigures),
        { ...head, layout: 'ours / elkjs', ...ratios(ours, elkFigures) },
        { ...head, layout: 'ours / dagre', ...ratios(ours, dagreFigures) }
      );
      // What the panel draws at fit as it opens: the overview where the mesh cannot be labelled whole
      // (canvas/overviewRule.ts), against elkjs on that same collapsed graph, and against what elkjs draws at fit
      // for the same mesh. The overview is placed by the one layout of the whole mesh, so that is its layout time.
      const opened = await drawAtFit(browser, preview.url, frames, '', 1);
      rows.push({
        ...head,
        mesh: `${mesh.name} (at fit)`,
        layout: 'ours as opened / elkjs',
        ...ratios(drawnFigures(opened, ours.layout_ms), elkFigures),
      });
      if (opened.nodes.length < graph.nodes.length) {
        const at = { mesh: `${mesh.name} (overview)`, nodes: opened.nodes.length, edges: opened.edges.length };
        const overview = drawnFigures(opened, 'not timed');
        const collapsed = await runAnchor('elk', drawnInput(opened));
        const collapsedLabels = new Map(opened.nodes.map((n) => [n.id, n.label]));
        const elkOverview =
          typeof collapsed === 'string' ? collapsed : anchorFigures(collapsed, collapsedLabels, ELK_LABEL, true);
        rows.push(figures('ours at fit', overview, at), figures('elkjs layered', elkOverview, at), {
          ...at,
          layout: 'ours / elkjs',
          ...ratios(overview, elkOverview),
        });
      }
      console.log(`readability: ${mesh.name}`, JSON.stringify(rows.slice(-9)));
    }
    return rows;
  } finally {
    await Promise.allSettled([browser.close(), preview.close()]);
  }
}
