import ELK, { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

/** A graph as the anchors get it: nodes with their namespace group ('' for none), edges by node id. */
export interface AnchorInput {
  nodes: Array<{ id: string; group: string }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

/** An anchor's picture in its own world units: node and group boxes by top-left corner, edges as polylines. */
export interface AnchorPicture {
  layoutMs: number;
  nodes: Array<{ id: string; x: number; y: number; width: number; height: number }>;
  groups: Array<{ x: number; y: number; width: number; height: number }>;
  edges: Array<{ source: string; target: string; points: Array<{ x: number; y: number }> }>;
}

/** Node sizes as each anchor draws them: ours is a 28-unit disc; cytoscape's bench style draws 24-px nodes. */
export const ELK_NODE = 28;
export const CYTOSCAPE_NODE = 24;

/**
 * elkjs's layered algorithm with hierarchy handling: namespaces as compound nodes, edges laid out across them in
 * one run (INCLUDE_CHILDREN), coordinates returned relative to the root.
 */
export async function elkLayered(input: AnchorInput): Promise<AnchorPicture> {
  const groups = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: [],
    edges: input.edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  for (const n of input.nodes) {
    const leaf = { id: n.id, width: ELK_NODE, height: ELK_NODE };
    if (n.group === '') {
      root.children!.push(leaf);
      continue;
    }
    let group = groups.get(n.group);
    if (!group) {
      group = { id: `group:${n.group}`, children: [] };
      groups.set(n.group, group);
      root.children!.push(group);
    }
    group.children!.push(leaf);
  }
  const started = performance.now();
  const laid = await new ELK().layout(root);
  const layoutMs = performance.now() - started;
  const picture: AnchorPicture = { layoutMs, nodes: [], groups: [], edges: [] };
  const box = (n: ElkNode) => ({ x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 });
  for (const child of laid.children ?? []) {
    if (child.children) {
      picture.groups.push(box(child));
      child.children.forEach((leaf) => picture.nodes.push({ id: leaf.id, ...box(leaf) }));
    } else {
      picture.nodes.push({ id: child.id, ...box(child) });
    }
  }
  const edges = new Map(input.edges.map((e) => [e.id, e]));
  const collect = (n: ElkNode) => {
    for (const e of n.edges ?? []) {
      const { source, target } = edges.get(e.id)!;
      for (const s of e.sections ?? []) {
        picture.edges.push({ source, target, points: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] });
      }
    }
    (n.children ?? []).forEach(collect);
  };
  collect(laid);
  return picture;
}

/** cytoscape.js (headless, styled as the topology bench's anchor page) with the dagre layout, left to right. */
export function cytoscapeDagre(input: AnchorInput): AnchorPicture {
  cytoscape.use(dagre);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: CYTOSCAPE_NODE, height: CYTOSCAPE_NODE } }],
    elements: {
      nodes: input.nodes.map((n) => ({ data: { id: n.id } })),
      edges: input.edges.map((e) => ({ data: e })),
    },
  });
  const started = performance.now();
  cy.layout({ name: 'dagre', rankDir: 'LR' } as cytoscape.LayoutOptions).run();
  const layoutMs = performance.now() - started;
  const half = CYTOSCAPE_NODE / 2;
  const at = new Map(cy.nodes().map((n) => [n.id(), n.position()]));
  return {
    layoutMs,
    nodes: cy.nodes().map((n) => ({
      id: n.id(),
      x: n.position().x - half,
      y: n.position().y - half,
      width: CYTOSCAPE_NODE,
      height: CYTOSCAPE_NODE,
    })),
    groups: [],
    // Straight: cytoscape's bezier style draws a single edge between two nodes as a line.
    edges: input.edges.map((e) => ({
      source: e.source,
      target: e.target,
      points: [at.get(e.source)!, at.get(e.target)!],
    })),
  };
}
