import { act, renderHook } from '@testing-library/react';
import { recordingContext } from '../../../test/support/recordingContext';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { Viewport } from '../render/viewport';
import { Hover, NO_HOVER, useHoverOverlay } from './useHoverOverlay';

const { scene, style } = syntheticScene(30);

afterEach(() => jest.restoreAllMocks());

function setup() {
  const recording = recordingContext();
  const overlayRef = { current: document.createElement('canvas') };
  jest.spyOn(overlayRef.current, 'getContext').mockReturnValue(recording.ctx as never);
  const viewportRef = { current: { x: 0, y: 0, k: 1 } as Viewport };
  const sizeRef = { current: { width: 800, height: 600 } };
  const hook = renderHook(
    ({ hover }: { hover: Hover }) => useHoverOverlay({ overlayRef, scene, style, hover, viewportRef, sizeRef }),
    {
      initialProps: { hover: NO_HOVER },
    }
  );
  // A paint of the overlay starts by clearing it.
  const paints = () => recording.trace.filter((t) => t.startsWith('clearRect(')).length;
  return { hook, viewportRef, paints };
}

describe('useHoverOverlay', () => {
  it('paints when the hover changes and skips a paint that would show the same', () => {
    const { hook, paints } = setup();
    expect(paints()).toBe(1);
    hook.rerender({ hover: { node: 3, edge: -1, x: 10, y: 10 } });
    expect(paints()).toBe(2);
    act(() => {
      hook.result.current.paintHover();
      hook.result.current.paintHover();
    });
    // The tooltip follows the pointer, the highlight does not: a move within the node repaints nothing.
    hook.rerender({ hover: { node: 3, edge: -1, x: 12, y: 11 } });
    expect(paints()).toBe(2);
  });

  it('paints again when the viewport moved or the canvas was cleared', () => {
    const { hook, viewportRef, paints } = setup();
    viewportRef.current = { x: 5, y: 0, k: 1 };
    act(() => hook.result.current.paintHover());
    expect(paints()).toBe(2);
    act(() => hook.result.current.invalidate());
    act(() => hook.result.current.paintHover());
    expect(paints()).toBe(3);
  });
});
