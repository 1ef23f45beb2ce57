import { arrangeSlots, uncrossSlots } from './arrange';
import { clearEdges, EDGE_CLEARANCE, Room } from './clearance';
import { bundledEdges, DrawingCost } from './crossings';
import { layoutGroup, GroupPicture } from './groupLayout';
import { placeGroupNodes } from './groupNodes';
import { packRows, Size } from './pack';
import { Adjacency, rank } from './rank';
import { refineAcrossGroups } from './refine';
import { GROUP_GAP, GROUP_PADDING, GroupBox, Layout, LayoutInput, LayoutOptions } from './types';

/** Index adjacency of the graph, self-loops and edges to unknown nodes left out. */
function adjacency(input: LayoutInput): Adjacency {
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
 * Where each group's nodes may move to clear edges: their rows, and into the box's padding as far as leaves a node's
 * clearance to the box's border. Ungrouped nodes have no box and keep their rows' span.
 */
function roomsOf(y: Float64Array, groupOf: Int32Array, ordered: Array<[string, number[]]>): (v: number) => Room {
  const rooms = ordered.map(([name, list]): Room => {
    const slack = name === '' ? 0 : GROUP_PADDING - EDGE_CLEARANCE;
    let [top, bottom] = [Infinity, -Infinity];
    for (const v of list) {
      [top, bottom] = [Math.min(top, y[v]), Math.max(bottom, y[v])];
    }
    return { top: top - slack, bottom: bottom + slack };
  });
  return (v) => rooms[groupOf[v]];
}

/**
 * Spots per side of a box where its collapsed group's node may go: a 5 × 5 grid (corners, edge midpoints, centre
 * and between) gave the overview its fewest crossings in trials; more spots cost time for little gain. Above
 * MANY_BOXES boxes, 3 × 3: on the 5,000-node mesh's 101 namespaces it crossed no more (8,197 against 8,220) for a
 * third of the work, which was most of that mesh's layout; on 21 namespaces it crossed 16 % more.
 */
const NODE_SPOTS = 5;
const FEW_SPOTS = 3;
const MANY_BOXES = 50;

/**
 * Where each group's node is drawn when the group is collapsed (`GroupBox.node`): placed for the overview with every
 * group collapsed, the graph the panel opens with on large meshes, so its bundled edges cross as little as the boxes
 * allow. Fixed with the boxes, so expanding or collapsing one group moves no other group's node.
 */
function placeNodesOfGroups(x: Float64Array, y: Float64Array, input: LayoutInput, adj: Adjacency, boxes: GroupBox[]) {
  // One point per box, then one per node outside any box, where the layout put it.
  const boxIndex = new Map(boxes.map((b, i) => [b.group, i]));
  const point = Int32Array.from(input.nodes, (node) => boxIndex.get(node.group) ?? -1);
  const start = boxes.map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }));
  const side = boxes.length > MANY_BOXES ? FEW_SPOTS : NODE_SPOTS;
  const candidates = boxes.map((b) => {
    const spots = [];
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) {
        const [fx, fy] = [j / (side - 1), i / (side - 1)];
        spots.push({
          x: b.x + GROUP_PADDING + fx * Math.max(0, b.width - 2 * GROUP_PADDING),
          y: b.y + GROUP_PADDING + fy * Math.max(0, b.height - 2 * GROUP_PADDING),
        });
      }
    }
    return spots;
  });
  point.forEach((p, v) => {
    if (p < 0) {
      point[v] = start.length;
      start.push({ x: x[v], y: y[v] });
      candidates.push([]);
    }
  });
  const placed = placeGroupNodes(start, candidates, bundledEdges(point, start.length, adj.outs));
  boxes.forEach((b, i) => (b.node = placed[i]));
}

/** Rounds of barycentre sweeps over the whole picture once the groups are packed. */
const REFINE_ROUNDS = 4;

/** The panel's shape when the caller does not say: Grafana's default panel is about this much wider than tall. */
const DEFAULT_ASPECT = 1.6;

interface Placed {
  name: string;
  /** Members' pictures, or the clusters' groups when nesting. */
  box: Size;
  /** Node indexes inside. */
  members: number[];
  /** Moves and stretches the contents into the box it was given. */
  put: (x: number, y: number, width: number, height: number) => void;
}

/**
 * Lays out within each group (namespace), then packs the groups in rows shaped to the panel (`options.aspect`), and
 * the namespaces of each cluster into a cluster box first when there are several clusters. Pure and synchronous: the
 * worker and the tests call the same function. Same input → same picture; with `previous`, nodes keep their order in
 * each layer; pinned nodes stay where the user put them.
 */
export function layoutGraph(input: LayoutInput, options: LayoutOptions): Layout {
  const n = input.nodes.length;
  const aspect =
    options.aspect && Number.isFinite(options.aspect) && options.aspect > 0 ? options.aspect : DEFAULT_ASPECT;
  const adj = adjacency(input);
  const entry = (v: number) => input.nodes[v].entry;
  // Groups are ordered by where their members sit in the whole graph's flow, so the packing's reading order runs
  // from callers to callees and edges between groups stay short.
  const global = rank(adj, entry).layer;
  const members = new Map<string, number[]>();
  input.nodes.forEach((node, i) => {
    const list = members.get(node.group);
    list ? list.push(i) : members.set(node.group, [i]);
  });
  const flow = (list: number[]) => list.reduce((sum, v) => sum + global[v], 0) / list.length;
  const byFlow = (a: [string, number[]], b: [string, number[]]) =>
    flow(a[1]) - flow(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const previous = options.previous;
  const previousOf = (v: number) => previous?.[input.nodes[v].id];

  const ordered = Array.from(members.entries()).sort(byFlow);
  const pictures = new Map(
    ordered.map(([name, list]): [string, GroupPicture] => [name, layoutGroup(list, adj, entry, aspect, previousOf)])
  );

  // The whole picture, the slots of each packing arranged by distance, then also by crossings if `uncross`; whether
  // that changed any packing.
  const draw = (uncross: boolean) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const groups: GroupBox[] = [];
    let changed = false;
    const groupItem = ([name, list]: [string, number[]]): Placed => {
      const picture = pictures.get(name)!;
      const pad = name === '' ? 0 : GROUP_PADDING;
      return {
        name,
        members: list,
        box: { width: picture.width + 2 * pad, height: picture.height + 2 * pad },
        put: (bx, by, width, height) => {
          const sx = picture.width > 0 ? (width - 2 * pad) / picture.width : 0;
          const sy = picture.height > 0 ? (height - 2 * pad) / picture.height : 0;
          picture.members.forEach((v, i) => {
            x[v] = bx + (picture.width > 0 ? pad + picture.x[i] * sx : width / 2);
            y[v] = by + (picture.height > 0 ? pad + picture.y[i] * sy : height / 2);
          });
          if (name !== '') {
            groups.push({ group: name, x: bx, y: by, width, height });
          }
        },
      };
    };
    // Edge counts between the items of one packing, both directions, for arranging them.
    const itemOf = new Int32Array(n).fill(-1);
    const edgesBetween = (items: Placed[]) => {
      items.forEach((item, i) => item.members.forEach((v) => (itemOf[v] = i)));
      const m = items.length;
      const counts = new Float64Array(m * m);
      for (const item of items) {
        for (const v of item.members) {
          for (const t of adj.outs[v]) {
            const [a, b] = [itemOf[v], itemOf[t]];
            if (b >= 0 && a !== b) {
              counts[a * m + b]++;
              counts[b * m + a]++;
            }
          }
        }
      }
      items.forEach((item) => item.members.forEach((v) => (itemOf[v] = -1)));
      return (a: number, b: number) => counts[a * m + b];
    };
    const packed = (items: Placed[], name: string, pad: number): Placed => {
      const boxes = items.map((item) => item.box);
      const packing = packRows(boxes, aspect, GROUP_GAP);
      const between = edgesBetween(items);
      const arranged = arrangeSlots(boxes, packing, between);
      const slot = uncross ? uncrossSlots(boxes, packing, arranged, between) : arranged;
      changed ||= slot !== arranged;
      return {
        name,
        members: items.flatMap((item) => item.members),
        box: { width: packing.extent.width + 2 * pad, height: packing.extent.height + 2 * pad },
        put: (bx, by, width, height) => {
          // A nested packing is placed at its own size, centred in the room given.
          const ox = bx + (width - packing.extent.width - 2 * pad) / 2 + pad;
          const oy = by + (height - packing.extent.height - 2 * pad) / 2 + pad;
          if (name !== '') {
            groups.push({
              group: name,
              x: ox - pad,
              y: oy - pad,
              width: packing.extent.width + 2 * pad,
              height: packing.extent.height + 2 * pad,
            });
          }
          items.forEach((item, k) => {
            const i = slot[k];
            item.put(ox + packing.x[i], oy + packing.y[i], packing.width[i], packing.height[i]);
          });
        },
      };
    };

    const clusterOf = (group: string) => input.nodes[members.get(group)![0]].cluster ?? '';
    const clusters = Array.from(new Set(ordered.filter(([g]) => g !== '').map(([g]) => clusterOf(g))));
    const top =
      clusters.length > 1
        ? packed(
            [
              ...clusters.map((c) =>
                packed(ordered.filter(([g]) => g !== '' && clusterOf(g) === c).map(groupItem), c, GROUP_PADDING)
              ),
              ...ordered.filter(([g]) => g === '').map(groupItem),
            ],
            '',
            0
          )
        : packed(ordered.map(groupItem), '', 0);
    top.put(0, 0, top.box.width, top.box.height);
    const groupIndex = new Map(ordered.map(([g], i) => [g, i]));
    const groupOf = Int32Array.from(input.nodes, (node) => groupIndex.get(node.group)!);
    refineAcrossGroups(x, y, groupOf, adj, REFINE_ROUNDS);
    return { x, y, groups, changed, groupOf };
  };
  // Crossings decide between the two arrangements, counted exactly on the straight edges between node centres;
  // only the one kept is cleared of edges over nodes, the costliest step, which moves nodes within their columns.
  const uncrossed = draw(true);
  const plain = uncrossed.changed ? draw(false) : uncrossed;
  const edges = bundledEdges(
    Int32Array.from(input.nodes, (_, i) => i),
    n,
    adj.outs
  );
  const crossings = (p: { x: Float64Array; y: Float64Array }) => new DrawingCost(p.x, p.y, edges).total();
  const { x, y, groups, groupOf } = plain === uncrossed || crossings(uncrossed) < crossings(plain) ? uncrossed : plain;
  clearEdges(x, y, adj, roomsOf(y, groupOf, ordered));
  input.nodes.forEach((node, i) => {
    const pin = options.pinned[node.id];
    if (pin && Number.isFinite(pin.x) && Number.isFinite(pin.y)) {
      x[i] = pin.x;
      y[i] = pin.y;
    }
  });
  const byName = new Map(groups.map((g) => [g.group, g]));
  placeNodesOfGroups(
    x,
    y,
    input,
    adj,
    ordered.flatMap(([g]) => (g === '' ? [] : [byName.get(g)!]))
  );
  return { x, y, groups: groups.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)) };
}
