/** The topology graph as the layout and the renderer see it: plain data, no React, no DOM. */

export type NodeKind = 'workload' | 'app' | 'versionedApp' | 'service' | 'namespace' | 'generic';

/** Nodes that stand for something other than a workload or service of the mesh. */
export type SpecialKind = 'unknown' | 'ingress' | 'egress' | 'waypoint' | 'passthrough' | 'blackhole' | 'external';

export type Health = 'healthy' | 'degraded' | 'failure' | 'idle' | 'none';

export type Protocol = 'http' | 'grpc' | 'tcp' | 'unknown';

/** Identity fields used for links and tooltips; "" when the data did not say. */
export interface NodeIdentity {
  cluster: string;
  namespace: string;
  workload: string;
  app: string;
  version: string;
  service: string;
}

export interface TopologyNode extends NodeIdentity {
  id: string;
  kind: NodeKind;
  special?: SpecialKind;
  /** What is drawn under the node. */
  label: string;
  /** Sum of the rates of incoming / outgoing edges, requests/s (TCP bytes/s are kept apart). */
  inRate: number;
  outRate: number;
  /** Error share of the incoming requests (outgoing when there are none), 0..1; undefined without HTTP traffic. */
  errorShare?: number;
  health: Health;
  /** Request-weighted mTLS share of the node's incoming edges (outgoing when none said); undefined when unknown. */
  mtlsShare?: number;
  /** Share of the node's incoming requests that never reached it (response_flags). */
  unreachedShare?: number;
  /** Figures from a Node Graph frame (title → value), shown in the tooltip as given. */
  details?: Array<[string, string]>;
  /** Health split from Node Graph arc__* fields, 0..1 each. */
  arcs?: Array<{ name: string; share: number; color?: string }>;
  /** Colour from a Node Graph frame's color field. */
  color?: string;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  protocol: Protocol;
  /** Requests per second; 0 for TCP edges. */
  rate: number;
  /**
   * Share (0..1) of failed requests as src/istio/semantics.ts defines them (5xx, no response, gRPC status not OK);
   * undefined when the input carries no error data (TCP, no requests, Node Graph edges).
   */
  errorShare?: number;
  /** Share (0..1) of requests with 4xx; undefined like errorShare. */
  clientErrorShare?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** A percentile fell in the +Inf bucket: the value shown is a lower bound. */
  latencyClamped?: boolean;
  /** TCP bytes per second, sent plus received. */
  bytesRate: number;
  /** Share (0..1) of requests whose connection_security_policy is mutual_tls; undefined when no reporter said. */
  mtlsShare?: number;
  /** Share (0..1) of requests that never reached a workload (response_flags, model/responseFlags.ts). */
  unreachedShare: number;
  /** Envoy response flags seen on this edge's requests, most requests first, with their share (0..1). */
  responseFlags: Array<{ flag: string; share: number }>;
  /** An ambient L7 edge whose ztunnel L4 bytes were folded into `bytesRate` (model/ambient.ts). */
  l4Folded?: boolean;
  /** Those bytes are a share of a ztunnel leg through a waypoint, split among several edges by request rate. */
  l4Estimated?: boolean;
  /** The reporter whose series gave these figures. */
  reporter: string;
  health: Health;
  details?: Array<[string, string]>;
}

export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Things the user should know: dropped values, double counting risk, aggregation. Text only. */
  notices: string[];
  /** Set when the graph was aggregated to namespaces because it was too large. */
  degraded?: string;
}
