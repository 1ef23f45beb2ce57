import { Adjacency, cappedLayers, rank } from './rank';
import { LAYER_GAP, NODE_GAP, Point } from './types';

/** One group laid out on its own: positions relative to the group's first layer and top slot. */
export interface GroupPicture {
  /** Node indexes (into the whole input) of the group's members, in the order of x and y. */
  members: number[];
  x: Float64Array;
  y: Float64Array;
  /** Extent of the node centres. */
  width: number;
  height: number;
}

const mean = (list: number[], y: Float64Array): number => {
  let sum = 0;
  for (const v of list) {
    sum += y[v];
  }
  return sum / list.length;
};

/**
 * Layers left to right within one group from the edges between its members, at most as many nodes per layer as
 * makes the group about `aspect` times wider than tall; orders each layer by barycentre sweeps, or, given the
 * previous picture, by where each node was, so a refresh moves little.
 */
export function layoutGroup(
  members: number[],
  adjacency: Adjacency,
  entry: (v: number) => boolean,
  aspect: number,
  previousOf: (v: number) => Point | undefined
): GroupPicture {
  const local = new Map(members.map((v, i) => [v, i]));
  const keep = (list: number[]) => list.flatMap((w) => (local.has(w) ? [local.get(w)!] : []));
  const outs = members.map((v) => keep(adjacency.outs[v]));
  const ins = members.map((v) => keep(adjacency.ins[v]));
  const n = members.length;
  const { layer, callers } = rank({ outs, ins }, (i) => entry(members[i]));
  const cap = Math.max(1, Math.ceil(Math.sqrt((n * LAYER_GAP) / (aspect * NODE_GAP))));
  const layers = cappedLayers(layer, callers, cap);
  const columns: number[][] = [];
  layers.forEach((l, i) => (columns[l] ??= []).push(i));
  const dense = columns.filter((c) => c !== undefined);
  const tallest = Math.max(...dense.map((c) => c.length));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const place = (column: number[], l: number) => {
    const offset = ((tallest - column.length) * NODE_GAP) / 2;
    column.forEach((v, slot) => {
      x[v] = l * LAYER_GAP;
      y[v] = offset + slot * NODE_GAP;
    });
  };
  const keys = new Float64Array(n);
  const orderBy = (l: number, key: (v: number) => number) => {
    const column = dense[l];
    for (const v of column) {
      keys[v] = key(v);
    }
    column.sort((a, b) => keys[a] - keys[b] || a - b);
    place(column, l);
  };
  dense.forEach(place);
  const hasPrevious = members.some((v) => previousOf(v) !== undefined);
  if (hasPrevious) {
    dense.forEach((_, l) => orderBy(l, (v) => previousOf(members[v])?.y ?? (ins[v].length ? mean(ins[v], y) : y[v])));
  } else {
    // Barycentre sweeps: right using callers, left using callees, right again.
    const barycentre = (neighbours: number[][]) => (v: number) =>
      neighbours[v].length ? mean(neighbours[v], y) : y[v];
    for (let l = 1; l < dense.length; l++) {
      orderBy(l, barycentre(ins));
    }
    for (let l = dense.length - 2; l >= 0; l--) {
      orderBy(l, barycentre(outs));
    }
    for (let l = 1; l < dense.length; l++) {
      orderBy(l, barycentre(ins));
    }
  }
  return { members, x, y, width: (dense.length - 1) * LAYER_GAP, height: (tallest - 1) * NODE_GAP };
}
