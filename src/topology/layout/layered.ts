import { GROUP_GAP, GROUP_PADDING, GroupBox, LAYER_GAP, Layout, LayoutInput, LayoutOptions, NODE_GAP } from './types';

/** Index adjacency of the graph, self-loops and edges to unknown nodes left out. */
function adjacency(input: LayoutInput) {
  const index = new Map<string, number>();
  input.nodes.forEach((n, i) => index.set(n.id, i));
  const outs: number[][] = input.nodes.map(() => []);
  const ins: number[][] = input.nodes.map(() => []);
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) {
      outs[s].push(t);
      ins[t].push(s);
    }
  }
  return { outs, ins };
}

/**
 * Layers by longest path from the entry points after removing the back edges of a depth-first search started at the
 * entries, then at nodes without callers, then in input order: deterministic, linear, and every kept edge points right.
 */
function rank(input: LayoutInput, outs: number[][], ins: number[][]): Int32Array {
  const n = input.nodes.length;
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const back = new Set<number>(); // edge code s * n + t
  const starts: number[] = [];
  input.nodes.forEach((node, i) => node.entry && starts.push(i));
  ins.forEach((list, i) => list.length === 0 && !input.nodes[i].entry && starts.push(i));
  for (let i = 0; i < n; i++) {
    starts.push(i);
  }
  const stack: Array<[number, number]> = [];
  for (const start of starts) {
    if (state[start] !== 0) {
      continue;
    }
    state[start] = 1;
    stack.push([start, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k < outs[v].length) {
        top[1]++;
        const w = outs[v][k];
        if (state[w] === 1) {
          back.add(v * n + w);
        } else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  const layer = new Int32Array(n);
  const pending = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (const w of outs[v]) {
      pending[w] += back.has(v * n + w) ? 0 : 1;
    }
  }
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    if (pending[v] === 0) {
      queue.push(v);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of outs[v]) {
      if (!back.has(v * n + w)) {
        layer[w] = Math.max(layer[w], layer[v] + 1);
        if (--pending[w] === 0) {
          queue.push(w);
        }
      }
    }
  }
  return layer;
}

interface Cell {
  g: number;
  l: number;
  column: number[];
}

const mean = (list: number[], y: Float64Array): number => {
  let sum = 0;
  for (const v of list) {
    sum += y[v];
  }
  return sum / list.length;
};

/**
 * A layered left-to-right layout with one horizontal band per group (namespace), pure and synchronous: the worker
 * and the tests call the same function. Same input → same picture; with `previous`, nodes keep their order in each
 * column; pinned nodes stay where the user put them.
 */
export function layoutGraph(input: LayoutInput, options: LayoutOptions): Layout {
  const n = input.nodes.length;
  const { outs, ins } = adjacency(input);
  const layer = rank(input, outs, ins);
  const groupNames = Array.from(new Set(input.nodes.map((node) => node.group))).sort();
  const groupOf = new Map(groupNames.map((g, i) => [g, i]));
  const layers = layer.reduce((max, l) => Math.max(max, l + 1), 0);
  // Only the (group, layer) cells that hold nodes: long meshes have far more empty cells than nodes.
  const cells: Cell[] = [];
  const cellOf = new Map<number, Cell>();
  const heights = groupNames.map(() => 1);
  input.nodes.forEach((node, i) => {
    const g = groupOf.get(node.group)!;
    const code = g * layers + layer[i];
    let cell = cellOf.get(code);
    if (!cell) {
      cell = { g, l: layer[i], column: [] };
      cellOf.set(code, cell);
      cells.push(cell);
    }
    cell.column.push(i);
    heights[g] = Math.max(heights[g], cell.column.length);
  });
  // Sweeps visit layers in order, groups in order within a layer.
  cells.sort((p, q) => p.l - q.l || p.g - q.g);

  const y = new Float64Array(n);
  const x = new Float64Array(n);
  const previous = options.previous;
  const top: number[] = [];
  let cursor = 0;
  for (const height of heights) {
    top.push(cursor);
    cursor += height * NODE_GAP + GROUP_GAP;
  }
  const place = ({ g, l, column }: Cell) => {
    const offset = top[g] + ((heights[g] - column.length) * NODE_GAP) / 2;
    column.forEach((v, slot) => {
      y[v] = offset + slot * NODE_GAP;
      x[v] = l * LAYER_GAP;
    });
  };
  const keys = new Float64Array(n);
  const orderBy = (cell: Cell, key: (v: number) => number) => {
    for (const v of cell.column) {
      keys[v] = key(v);
    }
    cell.column.sort((a, b) => keys[a] - keys[b] || a - b);
    place(cell);
  };
  cells.forEach(place);
  if (previous) {
    cells.forEach((cell) =>
      orderBy(cell, (v) => previous[input.nodes[v].id]?.y ?? (ins[v].length ? mean(ins[v], y) : y[v]))
    );
  } else {
    // Barycentre sweeps: down using callers, up using callees, down again.
    const barycentre = (neighbours: number[][]) => (v: number) =>
      neighbours[v].length ? mean(neighbours[v], y) : y[v];
    const byCallers = barycentre(ins);
    const byCallees = barycentre(outs);
    cells.forEach((cell) => cell.l > 0 && orderBy(cell, byCallers));
    for (let c = cells.length - 1; c >= 0; c--) {
      if (cells[c].l < layers - 1) {
        orderBy(cells[c], byCallees);
      }
    }
    cells.forEach((cell) => cell.l > 0 && orderBy(cell, byCallers));
  }
  input.nodes.forEach((node, i) => {
    const pin = options.pinned[node.id];
    if (pin && Number.isFinite(pin.x) && Number.isFinite(pin.y)) {
      x[i] = pin.x;
      y[i] = pin.y;
    }
  });
  return { x, y, groups: groupBoxes(input, x, y, groupNames, groupOf) };
}

function groupBoxes(
  input: LayoutInput,
  x: Float64Array,
  y: Float64Array,
  names: string[],
  groupOf: Map<string, number>
): GroupBox[] {
  const box = names.map((group) => ({ group, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }));
  input.nodes.forEach((node, i) => {
    const b = box[groupOf.get(node.group)!];
    b.x0 = Math.min(b.x0, x[i]);
    b.y0 = Math.min(b.y0, y[i]);
    b.x1 = Math.max(b.x1, x[i]);
    b.y1 = Math.max(b.y1, y[i]);
  });
  return box
    .filter((b) => b.group !== '' && Number.isFinite(b.x0))
    .map((b) => ({
      group: b.group,
      x: b.x0 - GROUP_PADDING,
      y: b.y0 - GROUP_PADDING,
      width: b.x1 - b.x0 + 2 * GROUP_PADDING,
      height: b.y1 - b.y0 + 2 * GROUP_PADDING,
    }));
}
