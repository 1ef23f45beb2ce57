/** Adjacency by index: `outs[v]` callees, `ins[v]` callers, without self-loops. */
export interface Adjacency {
  outs: number[][];
  ins: number[][];
}

/**
 * Layers by longest path from the entry points after removing the back edges of a depth-first search started at the
 * entries, then at nodes without callers, then in index order: deterministic, linear, and every kept edge points
 * right. Returns each node's layer and the kept (forward) callers of each node.
 */
export function rank(
  { outs, ins }: Adjacency,
  entry: (v: number) => boolean
): { layer: Int32Array; callers: number[][] } {
  const n = outs.length;
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const back = new Set<number>(); // edge code s * n + t
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (entry(i)) {
      starts.push(i);
    }
  }
  ins.forEach((list, i) => list.length === 0 && !entry(i) && starts.push(i));
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
  const callers: number[][] = outs.map(() => []);
  for (let v = 0; v < n; v++) {
    for (const w of outs[v]) {
      if (!back.has(v * n + w)) {
        pending[w]++;
        callers[w].push(v);
      }
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
  return { layer, callers };
}

/**
 * Longest-path layers with at most `cap` nodes per layer: a node goes to the first layer right of all its kept
 * callers that has room. Nodes are visited by longest-path layer so callers are placed first. Without the cap a
 * namespace of independent workloads is one tall column, and a panel wider than tall is left empty.
 */
export function cappedLayers(layer: Int32Array, callers: number[][], cap: number): Int32Array {
  const order = Array.from(layer.keys()).sort((a, b) => layer[a] - layer[b] || a - b);
  const placed = new Int32Array(layer.length);
  const count: number[] = [];
  for (const v of order) {
    let l = 0;
    for (const c of callers[v]) {
      l = Math.max(l, placed[c] + 1);
    }
    while ((count[l] ?? 0) >= cap) {
      l++;
    }
    count[l] = (count[l] ?? 0) + 1;
    placed[v] = l;
  }
  return placed;
}
