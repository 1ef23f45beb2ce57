import { act, renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { rankWorstEdges } from '../model/worstEdges';
import { Scene } from '../render/scene';
import { worstEdgeRows } from '../WorstEdges';
import { Hover, NO_HOVER } from './useHoverOverlay';
import { useWorstEdges } from './useWorstEdges';

const { scene } = syntheticScene(40);

function setup(enabled: boolean) {
  const centreOnEdge = jest.fn();
  const setHover = jest.fn();
  const sizeRef = { current: { width: 800, height: 400 } };
  const hook = renderHook(
    ({ s, hover }: { s: Scene; hover: Hover }) =>
      useWorstEdges({ scene: s, enabled, centreOnEdge, sizeRef, hover, setHover }),
    { initialProps: { s: scene, hover: NO_HOVER } }
  );
  return { hook, centreOnEdge, setHover };
}

describe('useWorstEdges', () => {
  it('ranks nothing while the list is off', () => {
    const { hook } = setup(false);
    expect(hook.result.current.rows).toEqual([]);
    expect(hook.result.current.forTests.worstEdges()).toEqual([]);
  });

  it('lists the ranked rows, and a pick centres the edge, hovers it at the canvas centre and marks its row', () => {
    const { hook, centreOnEdge, setHover } = setup(true);
    const expected = worstEdgeRows(scene, rankWorstEdges(scene.edges));
    expect(expected.length).toBeGreaterThan(2);
    expect(hook.result.current.rows).toEqual(expected);
    const edge = expected[1].edge;
    act(() => hook.result.current.pick(edge));
    expect(centreOnEdge).toHaveBeenCalledWith(edge);
    expect(setHover).toHaveBeenCalledWith({ node: -1, edge, x: 400, y: 200 });
    expect(hook.result.current.picked).toBe(edge);
    const reported = hook.result.current.forTests.worstEdges();
    expect(reported.map((r) => [r.id, r.picked])).toEqual(
      expected.map((r) => [scene.edges[r.edge].id, r.edge === edge])
    );
    // The highlighted edge is the hovered one, by id.
    expect(hook.result.current.forTests.highlightedEdge()).toBeUndefined();
    hook.rerender({ s: scene, hover: { node: -1, edge, x: 400, y: 200 } });
    expect(hook.result.current.forTests.highlightedEdge()).toBe(scene.edges[edge].id);
  });
});
