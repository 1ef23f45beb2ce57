import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { getDefaultTimeRange, LoadingState, PanelProps } from '@grafana/data';
import { DEFAULT_OPTIONS, MeshPanelOptions } from '../options';
import { tableFrame } from './model/frameShapes';
import { framesToGraph } from './model/framesToGraph';
import { recordingContext } from '../../test/support/recordingContext';
import { TopologyView } from './TopologyView';

jest.mock('./layout/spawnWorker', () => ({ spawnLayoutWorker: jest.fn() }));
jest.mock('./model/framesToGraph', () => {
  const actual = jest.requireActual('./model/framesToGraph');
  return { framesToGraph: jest.fn(actual.framesToGraph) };
});

// jsdom has no PointerEvent; without it the events lose their coordinates.
beforeAll(() => {
  if (!('PointerEvent' in window)) {
    Object.assign(window, { PointerEvent: class extends MouseEvent {} });
  }
});
// These tests find nodes through the test hook, which a page must ask for.
beforeEach(() => {
  window.__meshscopeTestHook = true;
});
afterEach(() => {
  delete window.__meshscopeTestHook;
});

const hostile = '<img src=x onerror=alert(1)>ünïcødé-' + 'x'.repeat(200);
const frames = [
  tableFrame('A', [
    {
      labels: {
        reporter: 'destination',
        source_workload: 'web',
        source_workload_namespace: 'shop',
        destination_workload: hostile,
        destination_workload_namespace: 'shop',
        destination_service_name: 'cart',
        response_code: '200',
      },
      value: 12.5,
    },
  ]),
];

function props(onOptionsChange = jest.fn()): PanelProps<MeshPanelOptions> {
  return {
    data: { series: frames, state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options: DEFAULT_OPTIONS,
    onOptionsChange,
    width: 800,
    height: 600,
  } as unknown as PanelProps<MeshPanelOptions>;
}

describe('TopologyView', () => {
  it('draws the graph, exposes node positions to browser tests and shows hostile labels as text', async () => {
    render(<TopologyView {...props()} />);
    await screen.findByTestId('meshscope-topology-canvas');
    const nodes = window.__meshscopeTopology!.nodes();
    expect(nodes.map((n) => n.id)).toEqual([`wl:/shop/${hostile}`, 'wl:/shop/web']);
    const target = nodes[0];
    fireEvent.pointerMove(screen.getByTestId('meshscope-topology-canvas'), { clientX: target.x, clientY: target.y });
    const tooltip = await screen.findByTestId('meshscope-topology-tooltip');
    expect(tooltip.textContent).toContain(hostile);
    expect(tooltip.querySelector('img')).toBeNull();
    expect(tooltip.textContent).toContain('12.5 rps');
  });

  it('shows an edge rate on hover and follows links from the node menu', async () => {
    render(<TopologyView {...props()} />);
    await screen.findByTestId('meshscope-topology-canvas');
    const canvas = screen.getByTestId('meshscope-topology-canvas');
    const edge = window.__meshscopeTopology!.edges()[0];
    fireEvent.pointerMove(canvas, { clientX: edge.x, clientY: edge.y });
    expect((await screen.findByTestId('meshscope-topology-tooltip')).textContent).toMatch(/Rate12\.5 rps/);
    const web = window.__meshscopeTopology!.nodes()[1];
    fireEvent.pointerDown(canvas, { clientX: web.x, clientY: web.y });
    fireEvent.pointerUp(canvas, { clientX: web.x, clientY: web.y });
    expect(screen.getByTestId('meshscope-topology-link-workload').getAttribute('href')).toBe(
      '/d/meshscope-workload?var-namespace=shop&var-workload=web'
    );
  });

  it('lists the worst edges as text beside the graph; a click centres and highlights the edge', async () => {
    const base = props();
    render(
      <TopologyView
        {...base}
        options={{ ...DEFAULT_OPTIONS, topology: { ...DEFAULT_OPTIONS.topology, worstEdges: true } }}
      />
    );
    await screen.findByTestId('meshscope-topology-canvas');
    const [row] = screen.getAllByTestId('meshscope-worst-edge');
    // Errors, p95 (none in these frames) and rate, as the tooltip writes them.
    expect(row.textContent).toBe(`web → ${hostile}0%n/a12.5 rps`);
    expect(row.querySelector('img')).toBeNull();
    expect(window.__meshscopeTopology!.highlightedEdge()).toBeUndefined();
    act(() => row.querySelector('button')!.click());
    // The hook is set again after each change of what it reports.
    const hook = window.__meshscopeTopology!;
    const [edge] = hook.edges();
    expect(hook.worstEdges()).toEqual([expect.objectContaining({ id: edge.id, picked: true, traffic: '12.5 rps' })]);
    expect(hook.highlightedEdge()).toBe(edge.id);
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect((await screen.findByTestId('meshscope-topology-tooltip')).textContent).toMatch(/Rate12\.5 rps/);
  });

  it('focuses a node’s neighbourhood from its menu, with the hops in the toolbar, and leaves it on Escape', async () => {
    render(<TopologyView {...props()} />);
    const canvas = await screen.findByTestId('meshscope-topology-canvas');
    expect(screen.queryByTestId('meshscope-topology-focus-hops')).toBeNull();
    const web = window.__meshscopeTopology!.nodes()[1];
    fireEvent.pointerDown(canvas, { clientX: web.x, clientY: web.y });
    fireEvent.pointerUp(canvas, { clientX: web.x, clientY: web.y });
    act(() => screen.getByTestId('meshscope-topology-action-focus').click());
    expect(window.__meshscopeTopology!.focus()).toEqual({
      node: web.id,
      hops: 1,
      members: [`wl:/shop/${hostile}`, web.id],
    });
    fireEvent.change(screen.getByTestId('meshscope-topology-focus-hops'), { target: { value: '2' } });
    expect(window.__meshscopeTopology!.focus()?.hops).toBe(2);
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(window.__meshscopeTopology!.focus()).toBeUndefined();
    expect(screen.queryByTestId('meshscope-topology-focus-hops')).toBeNull();
  });

  it('pins a dragged node in the panel options', async () => {
    const onOptionsChange = jest.fn();
    render(<TopologyView {...props(onOptionsChange)} />);
    const canvas = await screen.findByTestId('meshscope-topology-canvas');
    const web = window.__meshscopeTopology!.nodes()[1];
    fireEvent.pointerDown(canvas, { clientX: web.x, clientY: web.y });
    fireEvent.pointerMove(canvas, { clientX: web.x + 50, clientY: web.y + 20 });
    fireEvent.pointerUp(canvas, { clientX: web.x + 50, clientY: web.y + 20 });
    expect(onOptionsChange).toHaveBeenCalledTimes(1);
    expect(onOptionsChange.mock.calls[0][0].topology.pinned).toEqual({
      'wl:/shop/web': { x: web.x + 50, y: web.y + 20 },
    });
  });

  it('expands a collapsed namespace on a click on its node, saving the choice in the panel options', async () => {
    const onOptionsChange = jest.fn();
    const base = props(onOptionsChange);
    const collapsed = { ...DEFAULT_OPTIONS, topology: { ...DEFAULT_OPTIONS.topology, collapsedNamespaces: ['/shop'] } };
    render(<TopologyView {...base} options={collapsed} />);
    const canvas = await screen.findByTestId('meshscope-topology-canvas');
    const nodes = window.__meshscopeTopology!.nodes();
    expect(nodes.map((n) => n.id)).toEqual(['ns:/shop']);
    fireEvent.pointerDown(canvas, { clientX: nodes[0].x, clientY: nodes[0].y });
    fireEvent.pointerUp(canvas, { clientX: nodes[0].x, clientY: nodes[0].y });
    expect(onOptionsChange).toHaveBeenCalledTimes(1);
    expect(onOptionsChange.mock.calls[0][0].topology).toMatchObject({
      collapsedNamespaces: [],
      expandedNamespaces: ['/shop'],
    });
  });

  it('rebuilds the graph when an option the model reads changes, not for one only the drawing reads', async () => {
    const base = props();
    const { rerender } = render(<TopologyView {...base} />);
    await screen.findByTestId('meshscope-topology-canvas');
    const built = jest.mocked(framesToGraph).mock.calls.length;
    // Each update lays the graph out again (pinned positions count), asynchronously.
    const update = (over: Partial<MeshPanelOptions['topology']>) =>
      act(async () =>
        rerender(
          <TopologyView
            {...base}
            options={{ ...DEFAULT_OPTIONS, topology: { ...DEFAULT_OPTIONS.topology, ...over } }}
          />
        )
      );
    await update({ pinned: { 'wl:/shop/web': { x: 1, y: 2 } }, edgeLabel: 'errors', animate: true });
    await update({ collapsedNamespaces: [] });
    expect(jest.mocked(framesToGraph).mock.calls.length).toBe(built);
    await update({ nodeKind: 'app' });
    expect(jest.mocked(framesToGraph).mock.calls.length).toBe(built + 1);
    await update({ nodeKind: 'app', errorFailure: 0.5 });
    expect(jest.mocked(framesToGraph).mock.calls.length).toBe(built + 2);
  });

  it('draws a gesture by moving the last frame, and the whole scene once it has stopped', async () => {
    const context = recordingContext();
    const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context.ctx as never);
    try {
      render(<TopologyView {...props()} />);
      await screen.findByTestId('meshscope-topology-canvas');
      const hook = window.__meshscopeTopology!;
      const frame = () => act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      await frame();
      const before = hook.draws();
      expect(before).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) {
        const v = hook.viewport();
        hook.setViewport({ ...v, x: v.x + 5 });
        await frame();
      }
      expect(hook.draws()).toBe(before);
      // The settle delay (150 ms) has passed.
      await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
      expect(hook.draws()).toBe(before + 1);
    } finally {
      getContext.mockRestore();
    }
  });

  it('sets no window global on a page that did not ask for the test hook', async () => {
    delete window.__meshscopeTestHook;
    render(<TopologyView {...props()} />);
    await screen.findByTestId('meshscope-topology-canvas');
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Object.keys(window).filter((k) => k.startsWith('__meshscope'))).toEqual([]);
  });

  it('says so when no series joins two endpoints, also once the empty graph is laid out', async () => {
    render(
      <TopologyView {...props()} data={{ series: [], state: LoadingState.Done, timeRange: getDefaultTimeRange() }} />
    );
    expect(screen.getByTestId('meshscope-message').textContent).toContain('No traffic to draw');
    await act(() => Promise.resolve());
    expect(screen.getByTestId('meshscope-message').textContent).toContain('No traffic to draw');
  });
});
