import React from 'react';
import { act, renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { Viewport } from '../render/viewport';
import { useGestures } from './useGestures';
import { NO_HOVER } from './useHoverOverlay';

function setup() {
  // Its own scene: dragging moves nodes.
  const { scene } = syntheticScene(12);
  const canvasRef = { current: document.createElement('canvas') };
  // The canvas at the page's origin and zoom 1: client, canvas and world coordinates coincide.
  const viewportRef = { current: { x: 0, y: 0, k: 1 } as Viewport };
  const moveTo = jest.fn((v: Viewport) => (viewportRef.current = v));
  const input = {
    canvasRef,
    scene,
    viewportRef,
    moveTo,
    requestDraw: jest.fn(),
    hover: NO_HOVER,
    setHover: jest.fn(),
    onDrop: jest.fn(),
    onClick: jest.fn(),
  };
  const hook = renderHook(() => useGestures(input));
  const pointer = (type: 'onPointerDown' | 'onPointerMove' | 'onPointerUp', clientX: number, clientY: number) =>
    act(() =>
      hook.result.current[type]!({
        clientX,
        clientY,
        pointerId: 1,
        target: canvasRef.current,
      } as unknown as React.PointerEvent<HTMLCanvasElement>)
    );
  // Far below the layered drawing: nothing there.
  const empty = { x: scene.x[0], y: Math.max(...scene.y) + 500 };
  const leave = () => act(() => hook.result.current.onPointerLeave!({} as React.PointerEvent<HTMLCanvasElement>));
  return { scene, input, viewportRef, canvasRef, pointer, leave, empty };
}

describe('useGestures', () => {
  it('clicks a node, an edge or empty space without moving anything', () => {
    const { scene, input, pointer, empty } = setup();
    pointer('onPointerDown', scene.x[3], scene.y[3]);
    pointer('onPointerUp', scene.x[3] + 2, scene.y[3] + 2);
    expect(input.onClick).toHaveBeenLastCalledWith({ node: 3, edge: -1, x: scene.x[3] + 2, y: scene.y[3] + 2 });
    pointer('onPointerDown', empty.x, empty.y);
    pointer('onPointerUp', empty.x, empty.y);
    expect(input.onClick).toHaveBeenLastCalledWith({ node: -1, edge: -1, x: empty.x, y: empty.y });
    expect(input.moveTo).not.toHaveBeenCalled();
    expect(input.onDrop).not.toHaveBeenCalled();
  });

  it('pans by dragging empty space, and a pan is not a click', () => {
    const { input, viewportRef, pointer, empty } = setup();
    pointer('onPointerDown', empty.x, empty.y);
    pointer('onPointerMove', empty.x + 30, empty.y - 10);
    pointer('onPointerMove', empty.x + 40, empty.y - 20);
    pointer('onPointerUp', empty.x + 40, empty.y - 20);
    expect(viewportRef.current).toEqual({ x: 40, y: -20, k: 1 });
    expect(input.onClick).not.toHaveBeenCalled();
  });

  it('drags a node to where the pointer is released and hands it over to be pinned', () => {
    const { scene, input, pointer } = setup();
    pointer('onPointerDown', scene.x[5], scene.y[5]);
    pointer('onPointerMove', 600, 700);
    pointer('onPointerUp', 600, 700);
    expect([scene.x[5], scene.y[5]]).toEqual([600, 700]);
    expect(input.onDrop).toHaveBeenCalledWith(5);
    expect(input.requestDraw).toHaveBeenCalled();
    expect(input.onClick).not.toHaveBeenCalled();
  });

  it('reports the hovered node, and leaving the canvas clears it', () => {
    const { scene, input, pointer, leave } = setup();
    pointer('onPointerMove', scene.x[2], scene.y[2]);
    expect(input.setHover).toHaveBeenLastCalledWith({ node: 2, edge: -1, x: scene.x[2], y: scene.y[2] });
    leave();
    expect(input.setHover).toHaveBeenLastCalledWith(NO_HOVER);
  });

  it('zooms about the pointer on a wheel step and keeps the page from scrolling', () => {
    const { canvasRef, viewportRef } = setup();
    const wheel = new WheelEvent('wheel', { deltaY: -100, clientX: 200, clientY: 100, cancelable: true });
    act(() => void canvasRef.current.dispatchEvent(wheel));
    expect(wheel.defaultPrevented).toBe(true);
    const { x, y, k } = viewportRef.current;
    expect(k).toBeCloseTo(Math.exp(0.15));
    // The world point under the pointer stays under it.
    expect((200 - x) / k).toBeCloseTo(200);
    expect((100 - y) / k).toBeCloseTo(100);
  });
});
