import { act, renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { toScreen, Viewport } from '../render/viewport';
import { matchNodes, useSearch, useShowFirstMatch } from './useSearch';

const { scene } = syntheticScene(30);
const index = (label: string) => scene.nodes.findIndex((n) => n.label === label);

describe('matchNodes', () => {
  it('matches label or id, ignoring case and surrounding blanks; an empty query matches nothing', () => {
    expect([...matchNodes(scene, '  SVC-1')]).toEqual(
      scene.nodes.flatMap((n, i) => (n.label.startsWith('svc-1') ? [i] : []))
    );
    expect([...matchNodes(scene, 'ns-0/svc-7')]).toEqual([index('svc-7')]);
    expect(matchNodes(scene, '  ').size).toBe(0);
    expect(matchNodes(scene, 'no-such-node').size).toBe(0);
  });
});

describe('useSearch and useShowFirstMatch', () => {
  it('centres the first match when the matches change, zoomed in to at least 1, and again on request', () => {
    const viewportRef = { current: { x: 0, y: 0, k: 0.5 } as Viewport };
    const sizeRef = { current: { width: 800, height: 600 } };
    const moveTo = jest.fn((v: Viewport) => (viewportRef.current = v));
    const { result } = renderHook(() => {
      const search = useSearch(scene);
      const showFirst = useShowFirstMatch({ found: search.found, scene, viewportRef, sizeRef, moveTo });
      return { search, showFirst };
    });
    expect(moveTo).not.toHaveBeenCalled();
    act(() => result.current.search.setQuery('svc-7'));
    expect(result.current.search.found).toEqual(new Set([index('svc-7')]));
    const i = index('svc-7');
    expect(toScreen(viewportRef.current, scene.x[i], scene.y[i])).toEqual({ x: 400, y: 300 });
    expect(viewportRef.current.k).toBe(1);

    viewportRef.current = { x: 0, y: 0, k: 2 };
    act(() => result.current.showFirst());
    expect(toScreen(viewportRef.current, scene.x[i], scene.y[i])).toEqual({ x: 400, y: 300 });
    expect(viewportRef.current.k).toBe(2);
  });
});
