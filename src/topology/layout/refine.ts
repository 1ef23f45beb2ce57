import { Adjacency } from './rank';

/** One group's columns (its layers, by x) and the vertical grid of its slots, as placed. */
interface GroupGrid {
  columns: Array<{ x: number; members: number[] }>;
  top: number;
  gap: number;
  tallest: number;
}

function gridsOf(x: Float64Array, y: Float64Array, groupOf: Int32Array): GroupGrid[] {
  const byGroup = new Map<number, Map<number, number[]>>();
  for (let v = 0; v < x.length; v++) {
    const columns = byGroup.get(groupOf[v]) ?? new Map<number, number[]>();
    byGroup.set(groupOf[v], columns);
    const list = columns.get(x[v]);
    list ? list.push(v) : columns.set(x[v], [v]);
  }
  return Array.from(byGroup.values(), (columns) => {
    const list = Array.from(columns, ([cx, members]) => ({ x: cx, members })).sort((a, b) => a.x - b.x);
    let gap = Infinity;
    let top = Infinity;
    let tallest = 1;
    for (const { members } of list) {
      const ys = members.map((v) => y[v]).sort((a, b) => a - b);
      top = Math.min(top, ys[0]);
      tallest = Math.max(tallest, ys.length);
      for (let i = 1; i < ys.length; i++) {
        gap = Math.min(gap, ys[i] - ys[i - 1]);
      }
    }
    return { columns: list, top, gap: Number.isFinite(gap) ? gap : 0, tallest };
  });
}

/**
 * Barycentre sweeps over the whole placed picture, each group keeping its box, its columns and its slots: a node
 * moves to the column nearest the mean x of all its neighbours (inside its group or not) among the columns that keep
 * its group's rightward edges rightward and that have room, then each column is ordered by its nodes' neighbours'
 * mean y. Within a group a layered order already avoids crossings; what crosses most once groups are packed side by
 * side are the straight edges between groups, and a node placed towards the side its callers and callees are on keeps
 * those short. Deterministic: columns and nodes are visited left to right, top to bottom.
 */
export function refineAcrossGroups(
  x: Float64Array,
  y: Float64Array,
  groupOf: Int32Array,
  { outs, ins }: Adjacency,
  rounds: number
): void {
  const grids = gridsOf(x, y, groupOf);
  const column = new Int32Array(x.length);
  const keys = new Float64Array(x.length);
  const meanOf = (v: number, at: Float64Array) => {
    let sum = 0;
    for (const w of outs[v]) {
      sum += at[w];
    }
    for (const w of ins[v]) {
      sum += at[w];
    }
    const count = outs[v].length + ins[v].length;
    return count > 0 ? sum / count : at[v];
  };
  for (let round = 0; round < rounds; round++) {
    for (const grid of grids) {
      const { columns } = grid;
      columns.forEach((c, i) => c.members.forEach((v) => (column[v] = i)));
      for (const v of columns.flatMap((c) => c.members)) {
        let lo = 0;
        let hi = columns.length - 1;
        for (const w of ins[v]) {
          if (groupOf[w] === groupOf[v] && column[w] < column[v]) {
            lo = Math.max(lo, column[w] + 1);
          }
        }
        for (const w of outs[v]) {
          if (groupOf[w] === groupOf[v] && column[w] > column[v]) {
            hi = Math.min(hi, column[w] - 1);
          }
        }
        const want = meanOf(v, x);
        let best = column[v];
        for (let c = lo; c <= hi; c++) {
          const room = c === column[v] || columns[c].members.length < grid.tallest;
          if (room && Math.abs(columns[c].x - want) < Math.abs(columns[best].x - want)) {
            best = c;
          }
        }
        if (best !== column[v]) {
          const from = columns[column[v]].members;
          from.splice(from.indexOf(v), 1);
          columns[best].members.push(v);
          column[v] = best;
          x[v] = columns[best].x;
        }
      }
      // Each column centred on the group's slots, as the group's own layout places them.
      for (const { members } of columns) {
        const offset = (grid.tallest - members.length) / 2;
        members.sort((a, b) => y[a] - y[b] || a - b);
        members.forEach((v, i) => (y[v] = grid.top + (offset + i) * grid.gap));
      }
    }
    for (const grid of grids) {
      for (const { members } of grid.columns) {
        const slots = members.map((v) => y[v]).sort((a, b) => a - b);
        for (const v of members) {
          keys[v] = meanOf(v, y);
        }
        members.sort((a, b) => keys[a] - keys[b] || y[a] - y[b]);
        members.forEach((v, i) => (y[v] = slots[i]));
      }
    }
  }
}
