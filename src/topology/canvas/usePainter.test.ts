import { act, renderHook } from '@testing-library/react';
import { recordingContext } from '../../../test/support/recordingContext';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { Viewport } from '../render/viewport';
import { SETTLE_MS, usePainter } from './usePainter';

const { scene, style } = syntheticScene(30);
const FRAME_MS = 16;

function setup() {
  const recording = recordingContext();
  // Every canvas, the frame cache's own included, draws into the recording: jsdom has no 2D context.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recording.ctx as never);
  const canvasRef = { current: Object.assign(document.createElement('canvas'), { width: 800, height: 600 }) };
  const viewportRef = { current: { x: 0, y: 0, k: 1 } as Viewport };
  const sizeRef = { current: { width: 800, height: 600 } };
  const paintHover = jest.fn();
  const hook = renderHook(() =>
    usePainter({ canvasRef, scene, style, highlighted: new Set<number>(), viewportRef, sizeRef, paintHover })
  );
  const frames = (n = 1) => act(() => jest.advanceTimersByTime(n * FRAME_MS));
  return { recording, viewportRef, paintHover, hook, painter: () => hook.result.current, frames };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('usePainter', () => {
  it('draws the scene in full once per animation frame however often it is asked, and the hover after it', () => {
    const { painter, paintHover, frames } = setup();
    frames();
    const drawn = painter().draws();
    expect(drawn).toBe(1);
    paintHover.mockClear();
    act(() => {
      painter().requestDraw();
      painter().requestDraw();
      painter().requestDraw();
    });
    expect(painter().draws()).toBe(drawn);
    frames();
    expect(painter().draws()).toBe(drawn + 1);
    expect(paintHover).toHaveBeenCalledTimes(1);
  });

  it('moves the last frame during a gesture and draws it in full once the gesture has stopped for SETTLE_MS', () => {
    const { painter, viewportRef, recording, frames } = setup();
    frames();
    const drawn = painter().draws();
    const labels = painter().labels();
    expect(labels.length).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      const draws = recording.calls.drawImage ?? 0;
      act(() => painter().moveTo({ ...viewportRef.current, x: viewportRef.current.x + 10 }));
      frames();
      expect(recording.calls.drawImage).toBeGreaterThan(draws);
    }
    expect(viewportRef.current.x).toBe(50);
    expect(painter().draws()).toBe(drawn);
    // The moved frames show the labels of the kept one, so those are still the ones reported.
    expect(painter().labels()).toBe(labels);
    act(() => jest.advanceTimersByTime(SETTLE_MS - 2 * FRAME_MS));
    expect(painter().draws()).toBe(drawn);
    act(() => jest.advanceTimersByTime(2 * FRAME_MS));
    expect(painter().draws()).toBe(drawn + 1);
    // Placed again where the view now is: most labels in the same spot beside their node or edge, 50 px to the right
    // (near the canvas's edges, or where the neighbours changed, others move, come and go).
    const key = (l: { placement: string; index: number; y: number }) => `${l.placement} ${l.index} ${l.y}`;
    const before = new Map(labels.map((l) => [key(l), l.x]));
    const again = painter()
      .labels()
      .filter((l) => before.has(key(l)));
    expect(again.length).toBeGreaterThan(labels.length / 2);
    // Rounded: a label along a curve is placed by arithmetic on its points, which moving them shifts by a last bit.
    expect(again.map((l) => Number((l.x - before.get(key(l))!).toFixed(6)))).toEqual(again.map(() => 50));
  });

  it('draws an animation frame at once, and never moves one for a gesture: its dashes would stand still', () => {
    const { painter, viewportRef, recording, frames } = setup();
    frames();
    const drawn = painter().draws();
    act(() => painter().animate(5));
    expect(painter().draws()).toBe(drawn + 1);
    expect(recording.trace).toContain('lineDashOffset=-5');
    act(() => painter().moveTo({ ...viewportRef.current, x: 20 }));
    frames();
    expect(painter().draws()).toBe(drawn + 2);
    act(() => painter().animate(undefined));
    expect(painter().draws()).toBe(drawn + 2);
  });

  it('draws nothing after it is unmounted', () => {
    const { painter, hook, frames } = setup();
    act(() => painter().requestDraw());
    const { draws } = painter();
    hook.unmount();
    frames(20);
    expect(draws()).toBe(0);
  });
});
