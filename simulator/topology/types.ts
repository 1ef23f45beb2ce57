// The topology file format (YAML or JSON). simulator/README.md documents it with an example;
// topology/schema.ts is the machine-checked version of the same rules.

export type Protocol = 'http' | 'grpc' | 'tcp';
/** How a workload is meshed: an injected sidecar, an ingress gateway (reports as source only),
 *  or ambient (no sidecar: ztunnel reports L4, the namespace waypoint reports L7). */
export type WorkloadMode = 'sidecar' | 'gateway' | 'ambient';
export type EgressCluster = 'PassthroughCluster' | 'BlackHoleCluster';

export interface NamespaceSpec {
  name: string;
  /** istio.io/dataplane-mode=ambient */
  ambient?: boolean;
  /** Deploy a waypoint (named "waypoint") that handles L7 for the namespace. Needs ambient. */
  waypoint?: boolean;
}

export interface WorkloadSpec {
  name: string;
  namespace: string;
  /** Istio CLUSTER_ID; default the topology's first cluster. */
  cluster?: string;
  mode?: WorkloadMode;
  /** Pod label app (also the canonical service). Omit to model a workload without it. */
  app?: string;
  version?: string;
  /** Kubernetes Service name in front of the workload; default app or name. */
  service?: string;
  port?: number;
  serviceAccount?: string;
  replicas?: number;
  /** proxyStatsMatcher turns on per-cluster/listener Envoy stats (spec §6). */
  extendedStats?: boolean;
  /** Wasm extensions the proxy runs (adds envoy_wasm_* runtime stats). */
  wasmExtensions?: string[];
  /**
   * Locality load balancing for traffic to this workload, as a DestinationRule's localityLbSetting with outlier
   * detection (without which Istio does not apply it): `{}` fails over nearest first (same zone, then region),
   * `distribute` sets weights. Omitted: requests spread evenly over the pods, whatever their zone.
   */
  localityLb?: LocalityLbSpec;
}

export interface LocalityLbSpec {
  distribute?: LocalityDistribute[];
}

/** Istio's `distribute` entry: from the client's locality (`region/zone/subzone`, `*` wildcards), weights summing to 100. */
export interface LocalityDistribute {
  from: string;
  to: Record<string, number>;
}

export interface EgressSpec {
  cluster: EgressCluster;
  /** Host header / SNI the client used, becomes destination_service. */
  host: string;
}

/**
 * A host outside the mesh that a ServiceEntry (location MESH_EXTERNAL, resolution DNS) registers, so the client's
 * sidecar routes to the ServiceEntry's own cluster `outbound|<port>||<host>` rather than to PassthroughCluster.
 */
export interface ExternalSpec {
  /** The ServiceEntry's host, e.g. api.stripe.com; becomes destination_service and destination_service_name. */
  host: string;
  /** Namespace the ServiceEntry lives in; becomes destination_service_namespace. */
  namespace: string;
  /** The ServiceEntry's port; default 80 (http, grpc) or 443 (tcp: TLS the app originates, proxied as TCP). */
  port?: number;
}

export interface EdgeSpec {
  /** Workload reference "namespace/name" (or "name" when unique), or "unknown" for callers outside the mesh. */
  source: string;
  /** Workload reference; exactly one of destination, egress and external. */
  destination?: string;
  egress?: EgressSpec;
  external?: ExternalSpec;
  protocol: Protocol;
  /** Requests per second (http, grpc) or connections opened per second (tcp). */
  rate: number;
  /** Share of requests that fail: 5xx for http, a non-OK status for grpc, 0..1. */
  errorRate?: number;
  /** Request latency quantiles in milliseconds. */
  latency?: { p50: number; p90: number };
  /** Median bytes per request / response (tcp: per connection, each direction). */
  requestBytes?: number;
  responseBytes?: number;
  /** gRPC messages per request in each direction (1 = unary). */
  messagesPerRequest?: number;
  /** Whether the hop uses Istio mutual TLS; default true, except to an external host, which has none. */
  mtls?: boolean;
}

export interface Topology {
  name: string;
  istioVersion?: string;
  trustDomain?: string;
  /** CLUSTER_ID values; the first one is the default. Each cluster gets its own istiod. */
  clusters?: string[];
  /**
   * Localities (`region/zone` or `region/zone/subzone`) of each cluster's nodes; pods spread over them. Default: two
   * zones per cluster, region<n>/region<n>-a and -b.
   */
  localities?: Record<string, string[]>;
  namespaces?: NamespaceSpec[];
  workloads: WorkloadSpec[];
  edges: EdgeSpec[];
}
