import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

/**
 * The anchor of the topology benchmark: cytoscape.js with the dagre layout, as Novatec's dependency-graph panel
 * (and Kiali until 2025) draws a service graph. Runs in Chromium next to our view, on the same graph.
 */
cytoscape.use(dagre);

export interface AnchorGraph {
  nodes: Array<{ id: string; label: string }>;
  edges: Array<{ id: string; source: string; target: string; label: string }>;
}

const STYLE = [
  {
    selector: 'node',
    style: { label: 'data(label)', 'font-size': 10, width: 24, height: 24, 'background-color': '#73bf69' },
  },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 8,
      width: 1,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
    },
  },
  // The hover highlight, as ours draws it: a ring around a node, a wider line in the highlight colour for an edge.
  { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#5794f2' } },
  { selector: 'edge.hover', style: { width: 4, 'line-color': '#5794f2' } },
];

let cy: cytoscape.Core | undefined;
/** Elements the pointer has entered, counted so a hover that found nothing is not timed as one. */
let entered = 0;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Milliseconds from elements to the first frame drawn after the dagre layout has placed every node. */
async function firstFrame(graph: AnchorGraph): Promise<number> {
  cy?.destroy();
  const container = document.getElementById('cy')!;
  const started = performance.now();
  const rendered = new Promise<void>((resolve) => {
    cy = cytoscape({
      container,
      style: STYLE as cytoscape.StylesheetJson,
      elements: {
        nodes: graph.nodes.map((n) => ({ data: n })),
        edges: graph.edges.map((e) => ({ data: e })),
      },
      layout: { name: 'dagre', rankDir: 'LR' } as cytoscape.LayoutOptions,
    });
    cy.one('render', () => resolve());
    cy.on('mouseover', 'node, edge', (event) => {
      entered++;
      event.target.addClass('hover');
    });
    cy.on('mouseout', 'node, edge', (event) => event.target.removeClass('hover'));
  });
  await rendered;
  await nextFrame();
  return performance.now() - started;
}

/** Pan/zoom step `i` of a gesture, the steps bench/topology.ts gives our view. */
function step(core: cytoscape.Core, i: number): void {
  core.panBy({ x: i % 2 ? 7 : -5, y: 3 });
  core.zoom({ level: core.zoom() * (i % 2 ? 1.02 : 0.985), renderedPosition: { x: 400, y: 300 } });
}

/** Mean milliseconds per frame while panning and zooming, one step per animation frame. */
async function panZoom(frames: number): Promise<number> {
  const core = cy!;
  await nextFrame();
  const started = performance.now();
  for (let i = 0; i < frames; i++) {
    step(core, i);
    await nextFrame();
  }
  return (performance.now() - started) / frames;
}

/**
 * cytoscape draws every frame of a gesture in full, so its crisp redraw is a forced full render where a gesture of
 * `steps` from the fitted view stopped: milliseconds from the request to the second animation frame after it (the
 * first draws it, the second comes once it is on screen), one per gesture.
 */
async function crispRedraws(gestures: number, steps: number): Promise<number[]> {
  const core = cy!;
  const times: number[] = [];
  for (let g = 0; g < gestures; g++) {
    // The dagre layout's own fit.
    core.fit(undefined, 30);
    await nextFrame();
    for (let i = 0; i < steps; i++) {
      step(core, i);
      await nextFrame();
    }
    await nextFrame();
    const started = performance.now();
    core.forceRender();
    await nextFrame();
    await nextFrame();
    times.push(performance.now() - started);
  }
  return times;
}

/** Page points of the nodes and edge midpoints, for bench/topology.ts to pick hover targets from. */
function elementPoints() {
  const box = document.getElementById('cy')!.getBoundingClientRect();
  const page = (p: cytoscape.Position) => ({ x: box.left + p.x, y: box.top + p.y });
  return {
    box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
    nodes: cy!.nodes().map((n) => page(n.renderedPosition())),
    edges: cy!.edges().map((e) => page(e.renderedMidpoint())),
  };
}

// On one of cytoscape's canvases: it takes only moves over an element inside its container.
const mouseMove = (x: number, y: number) =>
  document
    .querySelector('#cy canvas')!
    .dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));

/**
 * Milliseconds from a mouse move onto each target to the second animation frame after it (cytoscape restyles the
 * element in the move and draws it in the next frame), each entered from empty space at `away`.
 */
async function hovers(targets: Array<{ x: number; y: number }>, away: { x: number; y: number }): Promise<number[]> {
  const times: number[] = [];
  for (const { x, y } of targets) {
    mouseMove(away.x, away.y);
    await nextFrame();
    await nextFrame();
    const before = entered;
    const started = performance.now();
    mouseMove(x, y);
    if (entered === before) {
      throw new Error(`cytoscape found no element to hover at ${x}, ${y}`);
    }
    await nextFrame();
    await nextFrame();
    times.push(performance.now() - started);
  }
  return times;
}

const cytoscapeBench = { firstFrame, panZoom, crispRedraws, elementPoints, hovers };
export type ElementPoints = ReturnType<typeof elementPoints>;

declare global {
  interface Window {
    cytoscapeBench: typeof cytoscapeBench;
  }
}

window.cytoscapeBench = cytoscapeBench;
