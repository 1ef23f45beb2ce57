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
  { selector: 'node', style: { label: 'data(label)', 'font-size': 10, width: 24, height: 24, 'background-color': '#73bf69' } },
  { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, width: 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
];

let cy: cytoscape.Core | undefined;

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
  });
  await rendered;
  await nextFrame();
  return performance.now() - started;
}

/** Mean milliseconds per frame while panning and zooming, one step per animation frame. */
async function panZoom(frames: number): Promise<number> {
  const core = cy!;
  await nextFrame();
  const started = performance.now();
  for (let i = 0; i < frames; i++) {
    core.panBy({ x: i % 2 ? 7 : -5, y: 3 });
    core.zoom({ level: core.zoom() * (i % 2 ? 1.02 : 0.985), renderedPosition: { x: 400, y: 300 } });
    await nextFrame();
  }
  return (performance.now() - started) / frames;
}

(window as unknown as { cytoscapeBench: object }).cytoscapeBench = { firstFrame, panZoom };
