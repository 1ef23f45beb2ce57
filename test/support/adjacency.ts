import { Adjacency } from '../../src/topology/layout/rank';

/** Adjacency of `count` nodes from `a>b` pairs of indexes, for the layout's unit tests. */
export function adjacencyOf(count: number, ...pairs: string[]): Adjacency {
  const outs: number[][] = Array.from({ length: count }, () => []);
  const ins: number[][] = Array.from({ length: count }, () => []);
  for (const [s, t] of pairs.map((p) => p.split('>').map(Number))) {
    outs[s].push(t);
    ins[t].push(s);
  }
  return { outs, ins };
}
