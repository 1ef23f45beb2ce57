import { act, renderHook } from '@testing-library/react';
import { colorManipulator } from '@grafana/data';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { neighbourhood } from '../model/neighbourhood';
import { Scene } from '../render/scene';
import { FADED_ALPHA, fadeOutside, useFocus } from './useFocus';

const { scene } = syntheticScene(30);
/** A node with callers and callees, so that one hop and two differ. */
const hub = scene.nodes.findIndex((_, i) => scene.from.includes(i) && scene.to.includes(i));
const alphaOf = (color: string) => colorManipulator.decomposeColor(color).values[3] ?? 1;

describe('fadeOutside', () => {
  it('fades nodes outside the mask and edges not between two members, and drops their labels', () => {
    const member = neighbourhood(scene.nodes.length, scene.from, scene.to, hub, 1);
    const faded = fadeOutside(scene, member);
    scene.nodes.forEach((_, i) => {
      expect(alphaOf(faded.nodeColor[i])).toBeCloseTo(member[i] ? 1 : FADED_ALPHA, 2);
      expect(faded.nodes[i].label).toBe(member[i] ? scene.nodes[i].label : '');
    });
    let kept = 0;
    scene.edges.forEach((_, e) => {
      const inside = member[scene.from[e]] === 1 && member[scene.to[e]] === 1;
      kept += inside ? 1 : 0;
      expect(alphaOf(faded.edgeColor[e])).toBeCloseTo(inside ? 1 : FADED_ALPHA, 2);
      expect(faded.edgeLabel[e]).toBe(inside ? scene.edgeLabel[e] : '');
    });
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(scene.edges.length);
    // The same position arrays: a drag in focus moves what is drawn.
    expect(faded.x).toBe(scene.x);
  });
});

describe('useFocus', () => {
  it('focuses a node with one hop by default, follows the hop count, and leaves on a second toggle or Escape', () => {
    const { result, rerender } = renderHook(({ s }: { s: Scene }) => useFocus(s), { initialProps: { s: scene } });
    expect(result.current.node).toBe(-1);
    expect(result.current.painted).toBe(scene);

    act(() => result.current.toggle(hub));
    expect(result.current.node).toBe(hub);
    expect(result.current.member).toEqual(neighbourhood(scene.nodes.length, scene.from, scene.to, hub, 1));
    act(() => result.current.setHops(2));
    const two = neighbourhood(scene.nodes.length, scene.from, scene.to, hub, 2);
    expect(result.current.member).toEqual(two);
    // As the test hook reports it: ids, not indexes.
    expect(result.current.forTests()).toEqual({
      node: scene.nodes[hub].id,
      hops: 2,
      members: scene.nodes.filter((_, i) => two[i]).map((n) => n.id),
    });
    expect(result.current.painted).not.toBe(scene);

    // A refresh (a new scene of the same nodes) keeps the focus.
    rerender({ s: { ...scene } });
    expect(result.current.node).toBe(hub);

    act(() => result.current.toggle(hub));
    expect(result.current.node).toBe(-1);

    act(() => result.current.toggle(hub));
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(result.current.node).toBe(-1);
    expect(result.current.member).toBeUndefined();
    expect(result.current.forTests()).toBeUndefined();
  });
});
