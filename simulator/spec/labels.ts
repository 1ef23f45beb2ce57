// Label names and their emission order, exactly as Istio pushes them (spec §2.2, §3.2).
// Envoy prints tags in push order and ztunnel in struct-field order; dashboards do not care about
// order but byte-level comparisons against captures do, so every renderer takes its order from here.

/** The calling end's labels, in the order both Envoy and ztunnel print them. */
const SOURCE_LABELS = [
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
] as const;

/** The 19 source_/destination_ peer labels that follow `reporter` in Envoy's istio.stats filter. */
export const ENVOY_PEER_LABELS = [
  ...SOURCE_LABELS,
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_service_name',
  'destination_service_namespace',
  'destination_cluster',
] as const;

export type PeerLabel = (typeof ENVOY_PEER_LABELS)[number];

/** gRPC message counters: reporter + peer labels only (MSG-20). */
export const MSG_LABELS = ['reporter', ...ENVOY_PEER_LABELS] as const;
/** HTTP/gRPC request metrics (HTTP-25). */
export const HTTP_LABELS = [
  ...MSG_LABELS,
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
  'connection_security_policy',
] as const;
/** Envoy TCP metrics (TCP-23). */
export const TCP_LABELS = [...MSG_LABELS, 'request_protocol', 'response_flags', 'connection_security_policy'] as const;

/** ztunnel's CommonTrafficLabels order (ZT-23): destination service labels come before the workload ones. */
export const ZTUNNEL_LABELS = [
  'reporter',
  ...SOURCE_LABELS,
  'destination_service',
  'destination_service_namespace',
  'destination_service_name',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_cluster',
  'request_protocol',
  'response_flags',
  'connection_security_policy',
] as const;

export type Reporter = 'source' | 'destination' | 'waypoint';
export type PeerLabels = Record<PeerLabel, string>;
