import { act, renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { edgeMidpoint } from '../render/edgeGeometry';
import { Scene } from '../render/scene';
import { toScreen, Viewport } from '../render/viewport';
import { useAutoFit } from './useAutoFit';

const small = syntheticScene(20).scene;
const large = syntheticScene(60).scene;

function setup(width: number) {
  const viewportRef = { current: { x: 0, y: 0, k: 1 } as Viewport };
  const sizeRef = { current: { width, height: 500 } };
  const requestDraw = jest.fn();
  const hook = renderHook(({ scene }: { scene: Scene }) => useAutoFit({ scene, viewportRef, sizeRef, requestDraw }), {
    initialProps: { scene: small },
  });
  return { hook, viewportRef, sizeRef, requestDraw };
}

/** Every node of `scene` is drawn inside the canvas. */
const allInside = (scene: Scene, v: Viewport, width: number, height: number) =>
  Array.from(scene.x).every((x, i) => {
    const p = toScreen(v, x, scene.y[i]);
    return p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height;
  });

describe('useAutoFit', () => {
  it('fits a new set of nodes, and leaves the user’s view alone on a refresh of the same mesh', () => {
    const { hook, viewportRef, requestDraw } = setup(800);
    expect(allInside(small, viewportRef.current, 800, 500)).toBe(true);
    expect(requestDraw).toHaveBeenCalledTimes(1);

    const panned = { x: 123, y: 45, k: 2 };
    viewportRef.current = panned;
    // A refresh: another scene object of the same nodes.
    hook.rerender({ scene: { ...small } });
    expect(viewportRef.current).toBe(panned);

    hook.rerender({ scene: large });
    expect(viewportRef.current).not.toBe(panned);
    expect(allInside(large, viewportRef.current, 800, 500)).toBe(true);
    expect(requestDraw).toHaveBeenCalledTimes(2);
  });

  it('waits for the canvas to have a size before fitting, then fits once', () => {
    const { hook, viewportRef, sizeRef, requestDraw } = setup(0);
    expect(viewportRef.current).toEqual({ x: 0, y: 0, k: 1 });
    sizeRef.current = { width: 800, height: 500 };
    act(() => hook.result.current.fitIfNew());
    act(() => hook.result.current.fitIfNew());
    expect(allInside(small, viewportRef.current, 800, 500)).toBe(true);
    expect(requestDraw).toHaveBeenCalledTimes(1);
  });

  it('fits on request whatever was fitted before', () => {
    const { hook, viewportRef } = setup(800);
    const fitted = viewportRef.current;
    viewportRef.current = { x: -4000, y: 0, k: 3 };
    act(() => hook.result.current.fit());
    expect(viewportRef.current).toEqual(fitted);
  });

  it('centres an edge’s middle, zoomed in to 1 at least, keeping both of its ends on the canvas', () => {
    const { hook, viewportRef } = setup(800);
    expect(viewportRef.current.k).toBeLessThan(1);
    small.edges.forEach((_, e) => {
      act(() => hook.result.current.centreOnEdge(e));
      const v = viewportRef.current;
      const mid = toScreen(v, edgeMidpoint(small, e).x, edgeMidpoint(small, e).y);
      expect(mid.x).toBeCloseTo(400, 6);
      expect(mid.y).toBeCloseTo(250, 6);
      for (const end of [small.from[e], small.to[e]]) {
        const p = toScreen(v, small.x[end], small.y[end]);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(800);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(500);
      }
      // Short edges are shown at zoom 1; a long one only as far in as shows both ends.
      expect(v.k).toBeLessThanOrEqual(1);
    });
    const zooms = small.edges.map((_, e) => (hook.result.current.centreOnEdge(e), viewportRef.current.k));
    expect(zooms).toContain(1);
  });
});
