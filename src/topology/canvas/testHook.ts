import { RefObject, useEffect } from 'react';
import { controlPoint, curvePoints, edgeMidpoint, Point, pointOnCurve } from '../render/edgeGeometry';
import { Badge } from '../render/badges';
import { Rect } from '../render/frameCache';
import { edgeAt } from '../render/hitTest';
import { Placement } from '../render/labels';
import { DrawnLabel } from '../render/renderScene';
import { Scene } from '../render/scene';
import { Shape } from '../render/shapes';
import { toScreen, Viewport } from '../render/viewport';
import { WorstEdgeRow } from '../WorstEdges';
import { onBorder } from './useExpansion';

/**
 * `window.__meshscopeTopology`: a read-only view for browser tests and the benchmark, so they can hover, click and
 * drag exactly where a node or edge is drawn. Positions are page (client) pixels of the latest mounted Topology panel.
 * Set only on a page that asked for it by setting `window.__meshscopeTestHook = true` before the panel mounts.
 */
export interface TopologyTestHook {
  nodes(): Array<{ id: string; label: string; x: number; y: number; visible: boolean }>;
  /**
   * A point on each edge where hovering shows the edge tooltip: its midpoint, or when a node is drawn there, the point
   * nearest to it along the edge that no node covers.
   */
  edges(): Array<{
    id: string;
    source: string;
    target: string;
    x: number;
    y: number;
    /** The edge as drawn, in page pixels: its ends when straight, its curve sampled when bent; empty for a loop. */
    path: Array<{ x: number; y: number }>;
    rate: number;
    errorShare?: number;
    p95?: number;
    bytesRate: number;
  }>;
  /** Namespace (and cluster) boxes as drawn, in page pixels. */
  groups(): Array<{ group: string; x: number; y: number; width: number; height: number }>;
  /** Node disc radii in page pixels, in nodes() order. */
  radii(): number[];
  /** What each node is drawn as (its shape) and with (its badges), and each edge's badges, by id. */
  marks(): {
    nodes: Array<{ id: string; shape: Shape; badges: Badge[] }>;
    edges: Array<{ id: string; badges: Badge[] }>;
  };
  viewport(): Viewport;
  fit(): void;
  setViewport(v: Viewport): void;
  /** Full redraws of the scene so far: the benchmark times the one a gesture ends with. */
  draws(): number;
  /**
   * Whether this scene's curves are the fan drawn while they are being chosen (edgeRoutes.RouteMemo): once chosen,
   * the scene is built anew with them, under a new hook.
   */
  routing(): boolean;
  /**
   * The labels of the last full redraw, boxes in page pixels: `kind` is what they name, `fontPx` their text's size.
   * A gesture's moved frames keep them until the redraw after it.
   */
  labels(): Array<{ kind: 'group' | 'node' | 'edge'; text: string; fontPx: number } & Rect>;
  /** The worst-edges list's rows as shown, worst first (empty while the list is off); `edge` is a scene index. */
  worstEdges(): Array<WorstEdgeRow & { id: string; picked: boolean }>;
  /** Id of the edge drawn highlighted (hovered or picked in the list), if any. */
  highlightedEdge(): string | undefined;
  /** Focus mode: the focused node, the hops and the ids of the nodes drawn unfaded; undefined when not in focus. */
  focus(): { node: string; hops: number; members: string[] } | undefined;
}

declare global {
  interface Window {
    /** A test's or the benchmark's request for `__meshscopeTopology`; users' pages never set it. */
    __meshscopeTestHook?: boolean;
    __meshscopeTopology?: TopologyTestHook;
  }
}

export type TestHookActions = Pick<
  TopologyTestHook,
  'fit' | 'setViewport' | 'draws' | 'routing' | 'worstEdges' | 'highlightedEdge' | 'focus'
> & { labels: () => DrawnLabel[] };

const LABEL_KIND: Record<Placement, 'group' | 'node' | 'edge'> = { corner: 'group', around: 'node', along: 'edge' };

function exposeForTests(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scene: Scene,
  viewport: RefObject<Viewport>,
  actions: TestHookActions
): () => void {
  // One layout read per call, not per node: at 5,000 nodes the reads were most of what the benchmark's poll cost.
  const pager = () => {
    const rect = canvasRef.current?.getBoundingClientRect();
    return (wx: number, wy: number) => {
      const p = toScreen(viewport.current, wx, wy);
      const x = p.x + (rect?.left ?? 0);
      const y = p.y + (rect?.top ?? 0);
      const visible = !!rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
      return { x, y, visible };
    };
  };
  const hook: TopologyTestHook = {
    nodes: () => {
      const page = pager();
      return scene.nodes.map((n, i) => ({ id: n.id, label: n.label, ...page(scene.x[i], scene.y[i]) }));
    },
    edges: () => {
      const page = pager();
      const k = viewport.current.k;
      const clearOfNode = clearOfNodes(scene, HIT_SLACK_PX / k);
      // A point to hover must also be one where the hover finds this edge and not another drawn across it. The hit
      // test is linear, so this is checked only on scenes small enough for tests that hover every edge.
      const owns = scene.edges.length <= OWNERSHIP_CHECK_MAX_EDGES;
      return scene.edges.map((e, i) => {
        // Nor on a box's border, where a click is on the box (useExpansion): a routed curve can run along one.
        const clear = (p: Point) =>
          clearOfNode(p) &&
          !scene.groups.some((g) => onBorder(g, p.x, p.y)) &&
          (!owns || edgeAt(scene, p.x, p.y, EDGE_HIT_PX / k) === i);
        const mid = hoverPoint(scene, i, clear);
        const { x, y } = page(mid.x, mid.y);
        const path = curvePoints(scene, i).map((p) => {
          const at = page(p.x, p.y);
          return { x: at.x, y: at.y };
        });
        const { id, source, target, rate, errorShare, p95, bytesRate } = e;
        return { id, source, target, x, y, path, rate, errorShare, p95, bytesRate };
      });
    },
    groups: () => {
      const page = pager();
      return scene.groups.map((g) => {
        const { x, y } = page(g.x, g.y);
        return { group: g.group, x, y, width: g.width * viewport.current.k, height: g.height * viewport.current.k };
      });
    },
    radii: () => Array.from(scene.radius, (r) => r * viewport.current.k),
    marks: () => ({
      nodes: scene.nodes.map((n, i) => ({ id: n.id, shape: scene.nodeShape[i], badges: scene.nodeBadges[i] })),
      edges: scene.edges.map((e, i) => ({ id: e.id, badges: scene.edgeBadges[i] })),
    }),
    viewport: () => ({ ...viewport.current }),
    ...actions,
    labels: () => {
      const rect = canvasRef.current?.getBoundingClientRect();
      return actions.labels().map((l) => ({
        kind: LABEL_KIND[l.placement],
        text: l.text,
        fontPx: l.fontPx,
        x: l.x + (rect?.left ?? 0),
        y: l.y + (rect?.top ?? 0),
        width: l.width,
        height: l.height,
      }));
    },
  };
  window.__meshscopeTopology = hook;
  return () => {
    if (window.__meshscopeTopology === hook) {
      delete window.__meshscopeTopology;
    }
  };
}

/** As TopologyCanvas's hit test: a node within this many pixels of the pointer is hovered before any edge. */
const HIT_SLACK_PX = 4;
/** useGestures' edge tolerance. */
const EDGE_HIT_PX = 6;
const OWNERSHIP_CHECK_MAX_EDGES = 2_000;
/** Along the edge from its middle outwards, where to look for a point clear of nodes. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];

/** Whether a world point is clear of every node's disc widened by `slack`: nodes bucketed in a grid, once per call. */
function clearOfNodes(scene: Scene, slack: number): (p: Point) => boolean {
  let reach = slack;
  scene.radius.forEach((r) => (reach = Math.max(reach, r + slack)));
  const cells = new Map<string, number[]>();
  const cell = (x: number, y: number) => `${Math.floor(x / reach)} ${Math.floor(y / reach)}`;
  scene.nodes.forEach((_, i) => {
    const key = cell(scene.x[i], scene.y[i]);
    cells.get(key)?.push(i) ?? cells.set(key, [i]);
  });
  return ({ x, y }) => {
    const cx = Math.floor(x / reach);
    const cy = Math.floor(y / reach);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of cells.get(`${cx + dx} ${cy + dy}`) ?? []) {
          const r = scene.radius[i] + slack;
          if ((scene.x[i] - x) ** 2 + (scene.y[i] - y) ** 2 <= r * r) {
            return false;
          }
        }
      }
    }
    return true;
  };
}

function hoverPoint(scene: Scene, e: number, clear: (p: Point) => boolean): Point {
  const mid = edgeMidpoint(scene, e);
  const a = scene.from[e];
  const b = scene.to[e];
  if (a === b || clear(mid)) {
    return mid;
  }
  // The drawn edge is the quadratic curve from a through c to b (a straight line when c is the chord's middle).
  const c = controlPoint(scene, e, { x: 0, y: 0 });
  return ALONG.map((t) => pointOnCurve(scene, e, c, t)).find(clear) ?? mid;
}

/** Exposes the mounted panel as `window.__meshscopeTopology`, if the page asked for it; otherwise does nothing. */
export function useTestHook(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scene: Scene,
  viewportRef: RefObject<Viewport>,
  { fit, setViewport, draws, routing, labels, worstEdges, highlightedEdge, focus }: TestHookActions
): void {
  useEffect(
    () =>
      window.__meshscopeTestHook === true
        ? exposeForTests(canvasRef, scene, viewportRef, {
            fit,
            setViewport,
            draws,
            routing,
            labels,
            worstEdges,
            highlightedEdge,
            focus,
          })
        : undefined,
    [canvasRef, scene, viewportRef, fit, setViewport, draws, routing, labels, worstEdges, highlightedEdge, focus]
  );
}
