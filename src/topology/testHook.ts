import { edgeMidpoint } from './render/edgeGeometry';
import { Scene } from './render/scene';
import { toScreen, Viewport } from './render/viewport';

/**
 * `window.__meshscopeTopology`: a read-only view for browser tests, so they can hover, click and drag exactly where
 * a node or edge is drawn. Positions are page (client) pixels of the latest mounted Topology panel.
 */
export interface TopologyTestHook {
  nodes(): Array<{ id: string; label: string; x: number; y: number; visible: boolean }>;
  /** Midpoints of edges, where hovering shows the edge tooltip. */
  edges(): Array<{ id: string; source: string; target: string; x: number; y: number; rate: number }>;
  viewport(): Viewport;
  fit(): void;
  setViewport(v: Viewport): void;
  /** Full redraws of the scene so far: the benchmark times the one a gesture ends with. */
  draws(): number;
}

declare global {
  interface Window {
    __meshscopeTopology?: TopologyTestHook;
  }
}

export function exposeForTests(
  canvas: () => HTMLCanvasElement | null,
  scene: Scene,
  viewport: { current: Viewport },
  actions: Pick<TopologyTestHook, 'fit' | 'setViewport' | 'draws'>
): () => void {
  // One layout read per call, not per node: at 5,000 nodes the reads were most of what the benchmark's poll cost.
  const pager = () => {
    const rect = canvas()?.getBoundingClientRect();
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
      return scene.edges.map((e, i) => {
        const mid = edgeMidpoint(scene, i);
        const { x, y } = page(mid.x, mid.y);
        return { id: e.id, source: e.source, target: e.target, x, y, rate: e.rate };
      });
    },
    viewport: () => ({ ...viewport.current }),
    ...actions,
  };
  window.__meshscopeTopology = hook;
  return () => {
    if (window.__meshscopeTopology === hook) {
      delete window.__meshscopeTopology;
    }
  };
}
