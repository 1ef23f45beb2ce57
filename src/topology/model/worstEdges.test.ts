import { rankWorstEdges } from './worstEdges';
import { TopologyEdge } from './types';

const edge = (id: string, over: Partial<TopologyEdge>): TopologyEdge => ({
  id,
  source: 'a',
  target: id,
  protocol: 'http',
  rate: 1,
  bytesRate: 0,
  unreachedShare: 0,
  responseFlags: [],
  reporter: 'destination',
  health: 'healthy',
  errorShare: 0,
  ...over,
});

const ids = (edges: TopologyEdge[], count?: number) => rankWorstEdges(edges, count).map((i) => edges[i].id);

describe('rankWorstEdges', () => {
  it('puts failing before degraded before healthy, whatever the figures', () => {
    const edges = [
      edge('healthy', { errorShare: 0, p95: 5000, rate: 900 }),
      edge('degraded', { health: 'degraded', errorShare: 0.01 }),
      edge('failing', { health: 'failure', errorShare: 0.2 }),
      // Degraded by latency alone: no error share, so it ranks below the degraded edge that has one.
      edge('slow', { health: 'degraded', errorShare: 0, p95: 900 }),
    ];
    expect(ids(edges)).toEqual(['failing', 'degraded', 'slow', 'healthy']);
  });

  it('breaks ties by error share, then p95, then rate', () => {
    const edges = [
      edge('busy', { health: 'failure', errorShare: 0.3, p95: 10, rate: 50 }),
      edge('quiet', { health: 'failure', errorShare: 0.3, p95: 10, rate: 5 }),
      edge('slow', { health: 'failure', errorShare: 0.3, p95: 400, rate: 1 }),
      edge('worse', { health: 'failure', errorShare: 0.5, p95: 1, rate: 1 }),
    ];
    expect(ids(edges)).toEqual(['worse', 'slow', 'busy', 'quiet']);
  });

  it('ranks a missing figure below any present one, compares TCP by bytes and leaves idle edges out', () => {
    const edges = [
      edge('idle', { health: 'idle', rate: 0 }),
      edge('tcp-small', { protocol: 'tcp', health: 'none', errorShare: undefined, rate: 0, bytesRate: 10 }),
      edge('tcp-big', { protocol: 'tcp', health: 'none', errorShare: undefined, rate: 0, bytesRate: 1e6 }),
      edge('no-p95', { p95: undefined }),
      edge('p95', { p95: 3 }),
    ];
    expect(ids(edges)).toEqual(['p95', 'no-p95', 'tcp-big', 'tcp-small']);
  });

  it('keeps the input order among equals and returns at most `count` rows', () => {
    const edges = ['e1', 'e2', 'e3', 'e4'].map((id) => edge(id, {}));
    expect(ids(edges)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(ids(edges, 2)).toEqual(['e1', 'e2']);
    expect(rankWorstEdges([])).toEqual([]);
  });
});
