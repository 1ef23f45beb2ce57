import { renderHook } from '@testing-library/react';
import { syntheticScene } from '../../../test/support/syntheticScene';
import { DEFAULT_OPTIONS, TopologyOptions } from '../../options';
import { layoutInput } from '../layout/fromGraph';
import { layoutGraph } from '../layout/layered';
import { groupOf } from '../model/identity';
import { LOD } from '../render/renderScene';
import { toScreen, Viewport } from '../render/viewport';
import { opensAsOverview } from './overviewRule';
import { useExpansion } from './useExpansion';

const { graph } = syntheticScene(120);
const layout = layoutGraph(layoutInput(graph, false), { pinned: {} });
const groups = layout.groups.map((g) => g.group).sort();
/** A canvas on which the whole mesh reads at fit, and one on which it does not. */
const LARGE = { width: 20000, height: 20000 };
const SMALL = { width: 600, height: 400 };

function setup(over: Partial<TopologyOptions> = {}, size = SMALL) {
  const onChange = jest.fn();
  const viewportRef = { current: { x: 0, y: 0, k: 0.1 } as Viewport };
  const options = { ...DEFAULT_OPTIONS.topology, ...over };
  const hook = renderHook(
    ({ o }: { o: TopologyOptions }) => useExpansion({ graph, layout, options: o, onChange, size, viewportRef }),
    { initialProps: { o: options } }
  );
  return { hook, onChange, viewportRef, options };
}

const membersOf = (group: string) => graph.nodes.filter((n) => groupOf(n) === group);
const position = (e: ReturnType<typeof setup>['hook']['result']['current'], id: string) => {
  const i = e.graph.nodes.findIndex((n) => n.id === id);
  return i < 0 ? undefined : { x: e.layout.x[i], y: e.layout.y[i] };
};

describe('useExpansion', () => {
  it('draws a mesh that reads at fit as it is, and a larger one as its namespaces', () => {
    expect(groups.length).toBeGreaterThan(2);
    expect(opensAsOverview(layout, LARGE.width, LARGE.height)).toBe(false);
    const full = setup({}, LARGE).hook.result.current;
    expect(full.overview).toBe(false);
    expect(full.graph).toBe(graph);

    const overview = setup().hook.result.current;
    expect(overview.overview).toBe(true);
    expect(overview.graph.nodes.map((n) => n.id).filter((id) => id.startsWith('ns:'))).toEqual(
      groups.map((g) => `ns:${g}`)
    );
    expect(overview.graph.nodes.every((n) => n.kind === 'namespace' || n.namespace === '')).toBe(true);
    // The view is fitted to the mesh, not to what of it is expanded.
    expect(overview.fitKey).toBe(full.fitKey);
  });

  it('expands a namespace on a click on its node, in place, and collapses it on a click inside its box', () => {
    const { hook, onChange, viewportRef, options } = setup();
    const before = hook.result.current;
    // The busiest namespace first, and another.
    const [first, second] = [...groups].sort((a, b) => membersOf(b).length - membersOf(a).length);
    const node = before.graph.nodes.findIndex((n) => n.id === `ns:${first}`);
    expect(before.onClick({ node, edge: -1, x: 0, y: 0 })).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith({ collapsedNamespaces: [], expandedNamespaces: [first] });

    hook.rerender({ o: { ...options, expandedNamespaces: [first] } });
    const after = hook.result.current;
    const members = membersOf(first);
    expect(members.length).toBeGreaterThan(1);
    for (const m of members) {
      const i = graph.nodes.indexOf(m);
      expect(position(after, m.id)).toEqual({ x: layout.x[i], y: layout.y[i] });
    }
    expect(position(after, `ns:${first}`)).toBeUndefined();
    expect(position(after, `ns:${second}`)).toEqual(position(before, `ns:${second}`));

    // Empty space inside the expanded box: collapse; on nothing, not handled.
    const box = layout.groups.find((g) => g.group === first)!;
    const corner = toScreen(viewportRef.current, box.x + 1, box.y + 1);
    expect(after.onClick({ node: -1, edge: -1, ...corner })).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith({ collapsedNamespaces: [first], expandedNamespaces: [] });
    // Over an edge: only in the box's padding, where no node lies.
    expect(after.onClick({ node: -1, edge: 0, ...corner })).toBe(true);
    const middle = toScreen(viewportRef.current, box.x + box.width / 2, box.y + box.height / 2);
    expect(after.onClick({ node: -1, edge: 0, ...middle })).toBe(false);
    const outside = toScreen(viewportRef.current, box.x - 10_000, box.y - 10_000);
    expect(after.onClick({ node: -1, edge: -1, ...outside })).toBe(false);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('expands the namespace under the pointer when zooming in past the label zoom, and collapses it zooming out', () => {
    const { hook, onChange, options } = setup();
    const [first] = groups;
    const box = layout.groups.find((g) => g.group === first)!;
    const v = (k: number): Viewport => ({ x: -box.x * k, y: -box.y * k, k });
    const over = toScreen(v(1), box.x + 5, box.y + 5);
    const below = LOD.nodeLabels * 0.9;
    const above = LOD.nodeLabels * 1.1;
    // Zooming without crossing the threshold changes nothing.
    hook.result.current.onZoom(v(below * 0.5), v(below), over.x * below, over.y * below);
    expect(onChange).not.toHaveBeenCalled();
    hook.result.current.onZoom(v(below), v(above), over.x * above, over.y * above);
    expect(onChange).toHaveBeenLastCalledWith({ collapsedNamespaces: [], expandedNamespaces: [first] });

    hook.rerender({ o: { ...options, expandedNamespaces: [first] } });
    hook.result.current.onZoom(v(above), v(below), over.x * below, over.y * below);
    expect(onChange).toHaveBeenLastCalledWith({ collapsedNamespaces: [first], expandedNamespaces: [] });
  });

  it('leaves a small mesh’s zoom alone: it is not an overview', () => {
    const { hook, onChange } = setup({}, LARGE);
    const box = layout.groups[0];
    hook.result.current.onZoom({ x: 0, y: 0, k: 0.1 }, { x: 0, y: 0, k: 1 }, box.x + 5, box.y + 5);
    expect(onChange).not.toHaveBeenCalled();
  });
});
