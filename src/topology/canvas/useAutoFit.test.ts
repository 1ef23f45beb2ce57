import { act, renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
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
});
