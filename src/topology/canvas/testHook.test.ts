import { renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { toScreen, Viewport } from '../render/viewport';
import { useTestHook } from './testHook';

const { scene } = syntheticScene(12);

function mount() {
  const canvasRef = { current: document.createElement('canvas') };
  jest.spyOn(canvasRef.current, 'getBoundingClientRect').mockReturnValue({
    left: 100,
    top: 50,
    right: 900,
    bottom: 650,
  } as DOMRect);
  const viewportRef = { current: { x: 10, y: 20, k: 0.5 } as Viewport };
  const actions = {
    fit: jest.fn(),
    setViewport: jest.fn(),
    draws: () => 7,
    routing: () => false,
    labels: () => [
      { index: 2, text: 'svc-2', placement: 'around' as const, x: 30, y: 40, width: 50, height: 15, fontPx: 12 },
      { index: -1, text: '3 rps', placement: 'along' as const, x: 0, y: 5, width: 20, height: 13, fontPx: 10 },
    ],
    worstEdges: () => [],
    highlightedEdge: () => 'e1',
    focus: () => undefined,
  };
  return renderHook(() => useTestHook(canvasRef, scene, viewportRef, actions));
}

afterEach(() => {
  delete window.__meshscopeTestHook;
  jest.restoreAllMocks();
});

describe('useTestHook', () => {
  it('sets no window global unless the page asked for it', () => {
    const { unmount } = mount();
    expect(Object.keys(window).filter((k) => k.startsWith('__meshscope'))).toEqual([]);
    unmount();
  });

  it('on request, exposes nodes in page pixels and the panel’s actions, and removes itself on unmount', () => {
    window.__meshscopeTestHook = true;
    const { unmount } = mount();
    const hook = window.__meshscopeTopology!;
    const p = toScreen({ x: 10, y: 20, k: 0.5 }, scene.x[0], scene.y[0]);
    const x = p.x + 100;
    const y = p.y + 50;
    expect(hook.nodes()[0]).toEqual({
      id: scene.nodes[0].id,
      label: scene.nodes[0].label,
      x,
      y,
      visible: x >= 100 && x <= 900 && y >= 50 && y <= 650,
    });
    expect(hook.edges()).toHaveLength(scene.edges.length);
    expect(hook.draws()).toBe(7);
    expect(hook.marks().nodes[0]).toEqual({
      id: scene.nodes[0].id,
      shape: scene.nodeShape[0],
      badges: scene.nodeBadges[0],
    });
    expect(hook.marks().edges.map((e) => e.id)).toEqual(scene.edges.map((e) => e.id));
    // Canvas pixels moved by the canvas's page offset (100, 50); sizes as drawn.
    expect(hook.labels()).toEqual([
      { kind: 'node', text: 'svc-2', fontPx: 12, x: 130, y: 90, width: 50, height: 15 },
      { kind: 'edge', text: '3 rps', fontPx: 10, x: 100, y: 55, width: 20, height: 13 },
    ]);
    expect(hook.highlightedEdge()).toBe('e1');
    unmount();
    expect(window.__meshscopeTopology).toBeUndefined();
  });
});
