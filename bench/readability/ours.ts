import { Page } from 'playwright-core';
import type { TopologyTestHook } from '../../src/topology/canvas/testHook';
import { clipToDiscs, DrawnEdge, DrawnLabel, DrawnNode, Rect } from '../../test/support/readability';
import { waitForRoutes } from '../../test/topology/page';

/** What our panel drew at its default fit, in page pixels, as the page's canvas received it. */
export interface OurPicture {
  panel: Rect;
  /** Group boxes and node discs (as squares), the nodes' diameters, straight edges between node centres. */
  drawn: Rect[];
  nodePx: number[];
  /** Every node's disc, and each edge as drawn outside its ends' discs. */
  nodes: Array<DrawnNode & { label: string }>;
  edges: DrawnEdge[];
  labels: DrawnLabel[];
}

declare global {
  interface Window {
    /** While set, every fillText on the topology canvas is recorded here, in page pixels. */
    __labelCapture?: DrawnLabel[];
  }
}

/**
 * Records the text the topology canvas draws, whatever draws it: the renderer's label placement is another module's
 * (and changes), and this measures what reaches the canvas.
 */
export const CAPTURE_LABELS = `(() => {
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    const out = window.__labelCapture;
    if (out && this.canvas.dataset.testid === 'meshscope-topology-canvas') {
      const m = this.getTransform();
      const dpr = window.devicePixelRatio || 1;
      const rect = this.canvas.getBoundingClientRect();
      const scale = Math.hypot(m.a, m.b) / dpr;
      const px = parseFloat(/([0-9.]+)px/.exec(this.font)?.[1] ?? '10') * scale;
      const width = this.measureText(text).width * scale;
      const sx = (m.a * x + m.c * y + m.e) / dpr + rect.left;
      const sy = (m.b * x + m.d * y + m.f) / dpr + rect.top;
      const align = this.textAlign;
      const left = align === 'center' ? sx - width / 2 : align === 'right' || align === 'end' ? sx - width : sx;
      const base = this.textBaseline;
      const top = base === 'top' ? sy : base === 'middle' ? sy - px / 2 : base === 'bottom' || base === 'ideographic' ? sy - px : sy - 0.8 * px;
      out.push({ text: String(text), px, x: left, y: top, width, height: px });
    }
    return fillText.call(this, text, x, y, maxWidth);
  };
})()`;

/**
 * Hands the frames to the preview panel, waits for at least `nodes` nodes laid out, fits, and reads back the drawing
 * and the text of one full redraw.
 */
export async function drawOurs(page: Page, frames: unknown[], nodes: number): Promise<OurPicture> {
  await page.evaluate(
    async ({ json, expected }) => {
      const w = window;
      delete w.__meshscopeTopology;
      w.meshscopePreview.setFrames(json as never);
      const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const deadline = performance.now() + 120_000;
      while (((w.__meshscopeTopology as TopologyTestHook | undefined)?.nodes().length ?? 0) < expected) {
        if (performance.now() > deadline) {
          throw new Error(
            `the panel showed no test hook with ${expected} nodes in 120 s (is __meshscopeTestHook set?)`
          );
        }
        await next();
      }
    },
    { json: frames, expected: nodes }
  );
  // The curves the panel settles on are what is measured.
  await waitForRoutes(page);
  const picture = await page.evaluate(async () => {
    const w = window;
    const next = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const hook = w.__meshscopeTopology!;
    const redraw = async () => {
      const drawn = hook.draws();
      hook.fit();
      while (hook.draws() === drawn) {
        await next();
      }
    };
    await redraw();
    w.__labelCapture = [];
    await redraw();
    const labels = w.__labelCapture;
    delete w.__labelCapture;
    const box = document.querySelector('[data-testid="meshscope-topology"]')!.getBoundingClientRect();
    const all = hook.nodes();
    const radii = hook.radii();
    const shown = all.map((_, i) => i).filter((i) => all[i].visible);
    return {
      panel: { x: box.left, y: box.top, width: box.width, height: box.height },
      drawn: [
        ...hook.groups(),
        ...shown.map((i) => ({
          x: all[i].x - radii[i],
          y: all[i].y - radii[i],
          width: 2 * radii[i],
          height: 2 * radii[i],
        })),
      ],
      nodePx: shown.map((i) => 2 * radii[i]),
      nodes: all.map((n, i) => ({ id: n.id, label: n.label, x: n.x, y: n.y, radius: radii[i] })),
      // As drawn: the line, or the curve sampled (test hook).
      edges: hook.edges().map((e) => ({ source: e.source, target: e.target, points: e.path })),
      labels,
    };
  });
  const disc = new Map(picture.nodes.map((n) => [n.id, n]));
  return {
    ...picture,
    edges: picture.edges.map((e) => ({
      ...e,
      points: clipToDiscs(e.points, disc.get(e.source)!, disc.get(e.target)!),
    })),
  };
}
