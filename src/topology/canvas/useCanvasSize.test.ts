import { renderHook } from '@testing-library/react';
import { useCanvasSize } from './useCanvasSize';

let observed: Array<{ callback: () => void; disconnected: boolean }> = [];
class FakeResizeObserver {
  private entry: { callback: () => void; disconnected: boolean };
  constructor(callback: () => void) {
    this.entry = { callback, disconnected: false };
    observed.push(this.entry);
  }
  observe() {}
  disconnect() {
    this.entry.disconnected = true;
  }
}

beforeEach(() => {
  observed = [];
  Object.assign(window, { ResizeObserver: FakeResizeObserver, devicePixelRatio: 2 });
});
afterEach(() => {
  delete (window as Partial<typeof window>).ResizeObserver;
  Object.assign(window, { devicePixelRatio: 1 });
});

function boxOf(width: number, height: number) {
  const boxRef = document.createElement('div');
  Object.defineProperty(boxRef, 'clientWidth', { get: () => width, configurable: true });
  Object.defineProperty(boxRef, 'clientHeight', { get: () => height, configurable: true });
  return boxRef;
}

describe('useCanvasSize', () => {
  it('gives every canvas the box size in device pixels, keeps the CSS size and follows resizes', () => {
    const boxRef = { current: boxOf(400.4, 300) };
    const canvases = [{ current: document.createElement('canvas') }, { current: document.createElement('canvas') }];
    const sizeRef = { current: { width: 0, height: 0 } };
    const onResize = jest.fn();
    const { unmount } = renderHook(() => useCanvasSize(boxRef, canvases, sizeRef, onResize));
    expect(sizeRef.current).toEqual({ width: 400.4, height: 300 });
    expect(canvases.map((c) => [c.current.width, c.current.height])).toEqual([
      [801, 600],
      [801, 600],
    ]);
    expect(onResize).toHaveBeenCalledTimes(1);

    Object.defineProperty(boxRef.current, 'clientWidth', { get: () => 0 });
    observed[0].callback();
    // A canvas is never zero pixels wide: drawing into one throws in some browsers.
    expect(canvases[0].current.width).toBe(1);
    expect(sizeRef.current.width).toBe(0);
    expect(onResize).toHaveBeenCalledTimes(2);

    unmount();
    expect(observed[0].disconnected).toBe(true);
  });
});
