import { Health, TopologyEdge, TopologyNode } from '../model/types';
import { drawOrder, labelOrder } from './order';

const node = (health: Health, rate: number) => ({ health, inRate: rate, outRate: 0 }) as TopologyNode;
const edge = (health: Health, rate: number, tcpBytes?: number) =>
  ({ health, rate, protocol: tcpBytes === undefined ? 'http' : 'tcp', bytesRate: tcpBytes ?? 0 }) as TopologyEdge;

describe('draw order', () => {
  it('draws idle, then TCP, then healthy, degraded and failing last, on top; ties in index order', () => {
    const items: Array<{ health: Health }> = ['failure', 'healthy', 'idle', 'degraded', 'none', 'healthy'].map(
      (health) => ({ health: health as Health })
    );
    expect(Array.from(drawOrder(items))).toEqual([2, 4, 1, 5, 3, 0]);
    expect(Array.from(drawOrder([]))).toEqual([]);
  });
});

describe('label priority', () => {
  it('labels failing first, then degraded, then the rest; nodes before edges at equal health; busiest first', () => {
    const nodes = [node('healthy', 5), node('failure', 1), node('healthy', 50), node('degraded', 2)];
    const edges = [edge('healthy', 100), edge('failure', 3), edge('degraded', 0.5), edge('idle', 0)];
    // Node i is i, edge e is -e - 1.
    expect(Array.from(labelOrder(nodes, edges))).toEqual([1, -2, 3, -3, 2, 0, -1, -4]);
  });

  it('ranks a TCP edge by its KiB/s against requests/s, and keeps ties in index order', () => {
    const edges = [edge('none', 0, 2048), edge('none', 0, 4096), edge('none', 0, 2048)];
    expect(Array.from(labelOrder([], edges))).toEqual([-2, -1, -3]);
  });
});
