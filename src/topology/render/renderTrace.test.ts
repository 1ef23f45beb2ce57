import { createHash } from 'node:crypto';
import { createTheme, DataFrame } from '@grafana/data';
import { DEFAULT_OPTIONS, TopologyEdgeLabel } from '../../options';
import { layoutInput } from '../layout/fromGraph';
import { layoutGraph } from '../layout/layered';
import { SeriesSample, tableFrame } from '../model/frameShapes';
import { framesToGraph } from '../model/framesToGraph';
import { syntheticMesh } from '../../../test/support/syntheticMesh';
import { sceneStyle } from './palette';
import { recordingContext } from '../../../test/support/recordingContext';
import { HoverState, RenderState, renderHover, renderScene } from './renderScene';
import { RouteMemo } from './edgeRoutes';
import { buildScene, Scene } from './scene';
import { fitViewport, Viewport, zoomAt } from './viewport';

/**
 * Pins everything the renderer sends the canvas, call by call, for many scenes, zooms, regions and phases: a change
 * to how the renderer is written must leave these traces alone, and one to what it draws shows up here first.
 */

const WIDTH = 1200;
const HEIGHT = 800;

const series = (from: string, to: string, extra: Record<string, string>, value: number): SeriesSample => ({
  labels: {
    reporter: 'destination',
    source_workload: from,
    source_workload_namespace: 'ns-0',
    destination_workload: to,
    destination_workload_namespace: 'ns-0',
    destination_service: `${to}.ns-0.svc.cluster.local`,
    destination_service_name: to,
    request_protocol: 'http',
    response_code: '200',
    connection_security_policy: 'mutual_tls',
    ...extra,
  },
  value,
});

/** What the synthetic mesh lacks: special nodes, a self-loop, parallel gRPC and TCP edges, latency, idle edges. */
function oddities(): DataFrame[] {
  const requests = [
    series('unknown', 'svc-1', {}, 3),
    series('svc-1', 'istio-egressgateway', {}, 2),
    series('svc-2', 'PassthroughCluster', { destination_service_name: 'PassthroughCluster' }, 1),
    series('svc-2', 'BlackHoleCluster', { destination_service_name: 'BlackHoleCluster', response_code: '502' }, 1),
    series('svc-3', 'svc-3', {}, 4),
    series('svc-1', 'svc-2', { request_protocol: 'grpc', grpc_response_status: '0' }, 5),
    series('idle-client', 'svc-1', {}, 0),
    series('svc-3', 'svc-4', { response_code: '404' }, 0.2),
  ];
  const tcp = [series('svc-1', 'svc-2', { request_protocol: 'tcp', response_code: '' }, 4096)];
  const latency = ['50', '250', '+Inf'].map((le, i) => series('svc-3', 'svc-4', { le }, (i + 1) * 2));
  return [tableFrame('A', requests), tableFrame('B', tcp), tableFrame('C', latency)];
}

interface Variant {
  dark: boolean;
  colorBlind: boolean;
  mode: TopologyEdgeLabel;
  hideIdle: boolean;
  groups: boolean;
}

const VARIANTS: Variant[] = [
  { dark: true, colorBlind: false, mode: 'rate', hideIdle: false, groups: true },
  { dark: false, colorBlind: true, mode: 'errors', hideIdle: true, groups: false },
  { dark: true, colorBlind: true, mode: 'latency', hideIdle: false, groups: true },
  { dark: false, colorBlind: false, mode: 'none', hideIdle: true, groups: true },
];

/** Zooms either side of every level-of-detail threshold, about the fitted view's centre. */
const ZOOMS = [0.03, 0.07, 0.09, 0.2, 0.34, 0.36, 0.4, 0.8, 1.5, 3];

function viewports(scene: Scene): Array<[string, Viewport]> {
  const b = { x0: Math.min(...scene.x), y0: Math.min(...scene.y), x1: Math.max(...scene.x), y1: Math.max(...scene.y) };
  const fit = fitViewport(b, WIDTH, HEIGHT);
  const zoomed = ZOOMS.map((k): [string, Viewport] => [`k${k}`, zoomAt(fit, WIDTH / 2, HEIGHT / 2, k / fit.k)]);
  const last = scene.nodes.length - 1;
  const onNode = (i: number): Viewport => ({ k: 1, x: WIDTH / 3 - scene.x[i], y: HEIGHT / 3 - scene.y[i] });
  return [['fit', fit], ...zoomed, ['node0', onNode(0)], ['nodeLast', onNode(last)]];
}

/** Render states, taken in turn so that every kind meets every zoom across the variants. */
function states(scene: Scene): Array<[string, RenderState]> {
  const base = { width: WIDTH, height: HEIGHT, dpr: 1, highlighted: new Set<number>() };
  const some = new Set([0, Math.floor(scene.nodes.length / 2), scene.nodes.length - 1]);
  return [
    ['plain', base],
    ['phase', { ...base, phase: 7 }],
    ['band', { ...base, region: { x: 0, y: 0, width: WIDTH, height: 37 } }],
    ['side', { ...base, region: { x: WIDTH - 90, y: 40, width: 90, height: HEIGHT - 40 }, phase: 3 }],
    ['dpr2', { ...base, dpr: 2, highlighted: some }],
  ];
}

const digest = (trace: string[]) => createHash('sha256').update(trace.join('\n')).digest('hex').slice(0, 20);

function traces(nodes: number, edgesPerNode: number, seed: number): Record<string, string> {
  const frames = [...syntheticMesh(nodes, edgesPerNode, seed).frames, ...oddities()];
  const graph = framesToGraph(frames, DEFAULT_OPTIONS.topology);
  const out: Record<string, string> = {};
  // Variants drawing the same positions share their routes, as one panel's scenes do.
  const memo = new RouteMemo();
  VARIANTS.forEach((v, vi) => {
    const style = sceneStyle(createTheme({ colors: { mode: v.dark ? 'dark' : 'light' } }), v.colorBlind);
    const layout = layoutGraph(layoutInput(graph, v.hideIdle), { pinned: {} });
    const scene = buildScene(graph, layout, style.colors, v.mode, v.hideIdle, v.groups, { memo });
    const kinds = states(scene);
    viewports(scene).forEach(([name, viewport], i) => {
      const [stateName, state] = kinds[(i + vi) % kinds.length];
      const { ctx, trace } = recordingContext();
      renderScene(ctx, scene, viewport, style, state);
      out[`v${vi} ${name} ${stateName}`] = `${trace.length} ${digest(trace)}`;
    });
    const hover: HoverState = { width: WIDTH, height: HEIGHT, dpr: 2, node: 3, edge: scene.edges.length - 1 };
    const { ctx, trace } = recordingContext();
    renderHover(ctx, scene, viewports(scene)[0][1], style, hover);
    out[`v${vi} hover`] = `${trace.length} ${digest(trace)}`;
  });
  return out;
}

describe('renderScene canvas traces', () => {
  it.each([
    [12, 2, 3],
    [60, 4, 1],
    [400, 3, 2],
    [5000, 4, 1],
  ])('are unchanged for a %i-node mesh (%i edges per node, seed %i)', (nodes, edgesPerNode, seed) => {
    expect(traces(nodes, edgesPerNode, seed)).toMatchSnapshot();
  });
});
