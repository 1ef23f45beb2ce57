import { createTheme } from '@grafana/data';
import { DEFAULT_OPTIONS } from '../../options';
import { layoutInput } from '../layout/fromGraph';
import { layoutGraph } from '../layout/layered';
import { framesToGraph } from '../model/framesToGraph';
import { syntheticMesh } from '../../../test/support/syntheticMesh';
import { sceneStyle } from './palette';
import { recordingContext } from '../../../test/support/recordingContext';
import { renderHover, renderScene } from './renderScene';
import { edgeMidpoint } from './edgeGeometry';
import { buildScene } from './scene';
import { fitViewport } from './viewport';

const graph = framesToGraph(syntheticMesh(5000, 4).frames, DEFAULT_OPTIONS.topology);
const layout = layoutGraph(layoutInput(graph, false), { pinned: {} });
const style = sceneStyle(createTheme(), false);
const scene = buildScene(graph, layout, style.colors, 'rate', false);
const state = { width: 1200, height: 800, dpr: 1, highlighted: new Set<number>() };

describe('renderScene', () => {
  it('draws only what the viewport shows, and no text when zoomed out', () => {
    const whole = recordingContext();
    renderScene(whole.ctx, scene, { x: 600, y: 400, k: 0.05 }, style, state);
    expect(whole.calls.fillText ?? 0).toBe(0);
    expect(whole.calls.fillRect).toBeGreaterThan(100);
    expect(whole.calls.arc ?? 0).toBe(0);

    const close = recordingContext();
    renderScene(close.ctx, scene, { x: 0, y: 0, k: 1 }, style, state);
    expect(close.calls.arc).toBeLessThan(200);
    expect(close.calls.fillText).toBeGreaterThan(0);
  });

  it('names the nodes and edges of a small mesh at the zoom that fits it, in legible text', () => {
    const small = framesToGraph(syntheticMesh(15, 6).frames, DEFAULT_OPTIONS.topology);
    const smallLayout = layoutGraph(layoutInput(small, false), { pinned: {} });
    const smallScene = buildScene(small, smallLayout, style.colors, 'rate', false);
    const { x, y } = smallScene;
    const bounds = { x0: Math.min(...x), y0: Math.min(...y), x1: Math.max(...x), y1: Math.max(...y) };
    const viewport = fitViewport(bounds, 1000, 600);
    // As deep as the default simulator mesh: the fitted zoom is about 0.5.
    expect(viewport.k).toBeLessThan(0.55);
    const { ctx, calls, fonts } = recordingContext();
    renderScene(ctx, smallScene, viewport, style, { ...state, width: 1000, height: 600 });
    expect(calls.fillText).toBeGreaterThanOrEqual(small.nodes.length + small.edges.length);
    const textFonts = fonts.filter((f) => !f.startsWith('bold'));
    expect(textFonts.map((f) => parseFloat(f) * viewport.k >= 9)).not.toContain(false);
  });

  it('keeps a curve whose ends are out of view but whose bulge is in it', () => {
    // One edge bent 600 world units off its chord, the view a 200 px square around its midpoint at zoom 1.
    const e = 0;
    const bent = { ...scene, bend: new Float32Array(scene.edges.length) };
    bent.bend[e] = 600;
    const mid = edgeMidpoint(bent, e);
    const viewport = { x: 100 - mid.x, y: 100 - mid.y, k: 1 };
    const ends = [bent.from[e], bent.to[e]].map((n) => ({ x: bent.x[n] + viewport.x, y: bent.y[n] + viewport.y }));
    // Both ends lie well beyond the view and the culling margin.
    expect(ends.every((p) => Math.max(Math.abs(p.x - 100), Math.abs(p.y - 100)) > 100 + 40)).toBe(true);
    const { ctx, calls } = recordingContext();
    renderScene(ctx, bent, viewport, style, { ...state, width: 200, height: 200 });
    expect(calls.quadraticCurveTo).toBe(1);
  });

  it('draws only what crosses a region when asked for one, clipped to it', () => {
    const viewport = { x: 0, y: 0, k: 0.05 };
    const whole = recordingContext();
    renderScene(whole.ctx, scene, viewport, style, state);
    const band = recordingContext();
    renderScene(band.ctx, scene, viewport, style, { ...state, region: { x: 0, y: 0, width: 1200, height: 20 } });
    expect(band.calls.clip).toBe(1);
    expect(band.calls.lineTo).toBeGreaterThan(0);
    expect(band.calls.lineTo).toBeLessThan(whole.calls.lineTo);
    expect(band.calls.fillRect).toBeLessThan(whole.calls.fillRect / 4);
  });

  it('draws the hover on its own: one path over a cleared overlay, nothing of the scene', () => {
    const viewport = { x: 0, y: 0, k: 1 };
    const hover = { width: 1200, height: 800, dpr: 1, node: -1, edge: -1 };
    const none = recordingContext();
    renderHover(none.ctx, scene, viewport, style, hover);
    expect(none.calls).toMatchObject({ clearRect: 1 });
    expect(none.calls.stroke ?? 0).toBe(0);

    const node = recordingContext();
    renderHover(node.ctx, scene, viewport, style, { ...hover, node: 7 });
    expect(node.calls).toMatchObject({ clearRect: 1, arc: 1, stroke: 1 });
    expect(node.calls.fill ?? 0).toBe(0);
    expect(node.calls.fillText ?? 0).toBe(0);

    const edge = recordingContext();
    renderHover(edge.ctx, scene, viewport, style, { ...hover, edge: 3 });
    expect(edge.calls).toMatchObject({ clearRect: 1, stroke: 1 });
    expect(edge.calls.arc ?? 0).toBe(0);

    // Out of range (a hover left over from a larger graph) draws nothing rather than throwing.
    const stale = recordingContext();
    renderHover(stale.ctx, scene, viewport, style, { ...hover, node: scene.nodes.length, edge: scene.edges.length });
    expect(stale.calls.stroke ?? 0).toBe(0);
  });
});
