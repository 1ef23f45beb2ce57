import { createTheme } from '@grafana/data';
import { DEFAULT_OPTIONS } from '../../options';
import { layoutInput } from '../layout/fromGraph';
import { layoutGraph } from '../layout/layered';
import { framesToGraph } from '../model/framesToGraph';
import { tableFrame } from '../model/frameShapes';
import { syntheticMesh } from '../../../test/support/syntheticMesh';
import { sceneStyle } from './palette';
import { recordingContext } from '../../../test/support/recordingContext';
import { renderHover, renderScene } from './renderScene';
import { edgeMidpoint } from './edgeGeometry';
import { formatBytes, formatRate } from './format';
import { buildScene } from './scene';
import { fitViewport } from './viewport';

const graph = framesToGraph(syntheticMesh(5000, 4).frames, DEFAULT_OPTIONS.topology);
const layout = layoutGraph(layoutInput(graph, false), { pinned: {} });
const style = sceneStyle(createTheme(), false);
const scene = buildScene(graph, layout, style.colors, 'rate', false);
const state = { width: 1200, height: 800, dpr: 1, highlighted: new Set<number>() };

/** Pairs of label rectangles that overlap. */
function overlaps(labels: Array<{ x: number; y: number; width: number; height: number; text: string }>): string[] {
  const found: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
        found.push(`${a.text} / ${b.text}`);
      }
    })
  );
  return found;
}

describe('renderScene', () => {
  it('draws only what the viewport shows; zoomed out, nodes as squares and only the labels that fit', () => {
    const whole = recordingContext();
    const labels = renderScene(whole.ctx, scene, { x: 600, y: 400, k: 0.05 }, style, state);
    expect(whole.calls.fillRect).toBeGreaterThan(100);
    // No disc is drawn; the arcs are the padlock badges' shackles, one per mTLS badge of a placed label.
    const locks = labels
      .filter((l) => l.placement !== 'corner')
      .map((l) => (l.index >= 0 ? scene.nodeBadges[l.index] : scene.edgeBadges[-l.index - 1]))
      .flat()
      .filter((b) => b === 'mtls' || b === 'mtlsPartial' || b === 'plaintext').length;
    expect(whole.calls.arc ?? 0).toBe(locks);
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.length).toBeLessThan((scene.nodes.length + scene.edges.length) / 10);
    expect(whole.calls.fillText).toBe(labels.length);
    expect(overlaps(labels)).toEqual([]);

    const close = recordingContext();
    renderScene(close.ctx, scene, { x: 0, y: 0, k: 1 }, style, state);
    expect(close.calls.arc).toBeLessThan(200);
    expect(close.calls.fillText).toBeGreaterThan(0);
  });

  it('names every node of a small mesh at the zoom that fits it, in legible text, no two labels overlapping', () => {
    const small = framesToGraph(syntheticMesh(15, 6).frames, DEFAULT_OPTIONS.topology);
    const smallLayout = layoutGraph(layoutInput(small, false), { pinned: {} });
    const smallScene = buildScene(small, smallLayout, style.colors, 'rate', false);
    const { x, y } = smallScene;
    const bounds = { x0: Math.min(...x), y0: Math.min(...y), x1: Math.max(...x), y1: Math.max(...y) };
    const viewport = fitViewport(bounds, 1000, 600);
    // As deep as the default simulator mesh: the fitted zoom is about 0.5.
    expect(viewport.k).toBeLessThan(0.55);
    const { ctx, fonts } = recordingContext();
    const labels = renderScene(ctx, smallScene, viewport, style, { ...state, width: 1000, height: 600 });
    expect(
      labels
        .filter((l) => l.placement === 'around')
        .map((l) => l.text)
        .sort()
    ).toEqual(small.nodes.map((n) => n.label).sort());
    expect(labels.filter((l) => l.placement === 'along').length).toBeGreaterThan(small.edges.length / 2);
    expect(overlaps(labels)).toEqual([]);
    expect(labels.every((l) => l.height >= 9)).toBe(true);
    expect(fonts.map((f) => parseFloat(f.replace(/^bold /, '')) >= 9)).not.toContain(false);
  });

  it('gives parallel edges separate labels where there is room, and drops one rather than overlap them', () => {
    const labels = { reporter: 'destination', request_protocol: 'http', response_code: '200' };
    const call = (from: string, to: string, value: number, extra: Record<string, string> = {}) => ({
      labels: {
        ...labels,
        source_workload: from,
        source_workload_namespace: 'ns',
        destination_workload: to,
        destination_workload_namespace: 'ns',
        destination_service_name: to,
        ...extra,
      },
      value,
    });
    const frames = [
      tableFrame('A', [call('a', 'b', 5), call('b', 'a', 3)]),
      tableFrame('B', [call('a', 'b', 2048, { request_protocol: 'tcp', response_code: '' })]),
    ];
    const pair = framesToGraph(frames, DEFAULT_OPTIONS.topology);
    const pairScene = buildScene(
      pair,
      layoutGraph(layoutInput(pair, false), { pinned: {} }),
      style.colors,
      'rate',
      false
    );
    expect(pairScene.edges).toHaveLength(3);
    const mid = { x: (pairScene.x[0] + pairScene.x[1]) / 2, y: (pairScene.y[0] + pairScene.y[1]) / 2 };
    const at = (k: number) => {
      const { ctx } = recordingContext();
      const drawn = renderScene(ctx, pairScene, { k, x: 400 - mid.x * k, y: 300 - mid.y * k }, style, {
        ...state,
        width: 800,
        height: 600,
      });
      return drawn.filter((l) => l.placement === 'along');
    };
    const close = at(1);
    expect(close.map((l) => l.text).sort()).toEqual([formatBytes(2048), formatRate(3), formatRate(5)].sort());
    expect(overlaps(close)).toEqual([]);
    // Zoomed out, the three midpoints are a few pixels apart: one or two labels, none over another.
    const far = at(0.4);
    expect(far.length).toBeGreaterThanOrEqual(1);
    expect(far.length).toBeLessThan(3);
    expect(overlaps(far)).toEqual([]);
  });

  it('draws problems last, on top: degraded edges and nodes after healthy ones', () => {
    const rec = recordingContext();
    renderScene(rec.ctx, scene, { x: 0, y: 0, k: 0.2 }, style, state);
    const strokes = rec.trace.filter((t) => t.startsWith('strokeStyle=')).map((t) => t.slice('strokeStyle='.length));
    const fills = rec.trace.filter((t) => t.startsWith('fillStyle=')).map((t) => t.slice('fillStyle='.length));
    const { healthy, degraded } = style.colors;
    expect(scene.edges.some((e) => e.health === 'degraded')).toBe(true);
    expect(strokes.indexOf(healthy)).toBeGreaterThanOrEqual(0);
    expect(strokes.indexOf(degraded)).toBeGreaterThan(strokes.indexOf(healthy));
    expect(fills.lastIndexOf(degraded)).toBeGreaterThan(fills.lastIndexOf(healthy));
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
