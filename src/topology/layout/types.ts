/** What the layout needs of the graph: structure only, so it is cheap to send to a worker. */
export interface LayoutNode {
  id: string;
  /** Nodes sharing a group (cluster/namespace) are laid out together, in one box. */
  group: string;
  /** The group's cluster: with several clusters, a cluster's namespaces are packed together. */
  cluster?: string;
  /** Traffic entry points (unknown sources, ingress gateways) start the first layer. */
  entry: boolean;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: Array<{ source: string; target: string }>;
}

export type Point = { x: number; y: number };

export interface LayoutOptions {
  /** Positions the user dragged; kept exactly. */
  pinned: Record<string, Point>;
  /** The previous picture's positions: nodes keep their order within a column so a small change moves little. */
  previous?: Record<string, Point>;
  /** The panel's width / height: the groups are packed to fill that shape. */
  aspect?: number;
}

export interface GroupBox {
  group: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the group's node is drawn while the group is collapsed; the box's centre when absent. */
  node?: Point;
}

/** Positions by node index in LayoutInput.nodes order: typed arrays travel from a worker without copying. */
export interface Layout {
  x: Float64Array;
  y: Float64Array;
  groups: GroupBox[];
}

/** World radius of an ordinary node. */
export const NODE_RADIUS = 14;
export const LAYER_GAP = 240;
export const NODE_GAP = 64;
export const GROUP_GAP = 96;
export const GROUP_PADDING = 36;
