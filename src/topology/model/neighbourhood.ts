/**
 * The nodes at most `hops` edges away from `start`, following edges in both directions (callers and callees alike):
 * a breadth-first search over the edges given as node-index pairs. Returns a mask by node index: 1 for members.
 */
export function neighbourhood(
  nodeCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  start: number,
  hops: number
): Uint8Array {
  const member = new Uint8Array(nodeCount);
  if (start < 0 || start >= nodeCount) {
    return member;
  }
  // Adjacency in compressed rows: two passes over the edges, no array per node (5,000 nodes, tens of thousands of edges).
  const degree = new Int32Array(nodeCount + 1);
  for (let e = 0; e < from.length; e++) {
    degree[from[e] + 1]++;
    degree[to[e] + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) {
    degree[i + 1] += degree[i];
  }
  const next = degree.slice(0, nodeCount);
  const adjacent = new Int32Array(2 * from.length);
  for (let e = 0; e < from.length; e++) {
    adjacent[next[from[e]]++] = to[e];
    adjacent[next[to[e]]++] = from[e];
  }
  member[start] = 1;
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const reached: number[] = [];
    for (const i of frontier) {
      for (let a = degree[i]; a < degree[i + 1]; a++) {
        const j = adjacent[a];
        if (!member[j]) {
          member[j] = 1;
          reached.push(j);
        }
      }
    }
    frontier = reached;
  }
  return member;
}
