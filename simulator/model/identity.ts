// Who a workload is, and the rules by which each reporter fills the source_/destination_ labels
// (spec §2.3 for Envoy, §3.2 for ztunnel). This is where "unknown", "latest" and "" come from.
import type { PeerLabels, Reporter } from '../spec/labels';
import type { EgressSpec, ExternalSpec, WorkloadSpec } from '../topology/types';

export const UNKNOWN = 'unknown';

export interface Identity {
  workload: string;
  namespace: string;
  /** Pod labels as written; undefined when the pod lacks the label. */
  app?: string;
  version?: string;
  canonicalService: string;
  canonicalRevision: string;
  principal: string;
  cluster: string;
  service: string;
  serviceFqdn: string;
  port: number;
}

export function identityOf(w: WorkloadSpec, cluster: string, trustDomain: string): Identity {
  const service = w.service ?? w.app ?? w.name;
  return {
    workload: w.name,
    namespace: w.namespace,
    app: w.app,
    version: w.version,
    canonicalService: w.app ?? w.name,
    canonicalRevision: w.version ?? 'latest',
    principal: `spiffe://${trustDomain}/ns/${w.namespace}/sa/${w.serviceAccount ?? 'default'}`,
    cluster,
    service,
    serviceFqdn: `${service}.${w.namespace}.svc.cluster.local`,
    port: w.port ?? 8080,
  };
}

/** What one hop looks like to the reporters: the two ends and how they talk. */
export interface Hop {
  /** undefined: caller outside the mesh. */
  source?: Identity;
  destination?: Identity;
  egress?: EgressSpec;
  external?: ExternalSpec;
  /** The destination has no endpoints (scaled to zero). */
  destinationDown: boolean;
  mtls: boolean;
  /** Metadata exchange works over HTTP headers even in plaintext; raw TCP needs mTLS/ALPN. */
  peerMetadata: boolean;
}

/** Labels of an end seen through metadata exchange: missing → unknown, revision → latest. */
function peer(id: Identity | undefined, known: boolean) {
  if (!id || !known) {
    return {
      workload: UNKNOWN,
      namespace: UNKNOWN,
      canonicalService: UNKNOWN,
      canonicalRevision: 'latest',
      app: UNKNOWN,
      version: UNKNOWN,
      cluster: UNKNOWN,
    };
  }
  return { ...id, app: id.app ?? UNKNOWN, version: id.version ?? UNKNOWN };
}

/** Labels of the reporting proxy's own end, from node metadata: a missing label is "". */
function local(id: Identity) {
  return { ...id, app: id.app ?? '', version: id.version ?? '' };
}

export function envoyPeerLabels(hop: Hop, reporter: Reporter): PeerLabels {
  const src = reporter === 'source' && hop.source ? local(hop.source) : peer(hop.source, hop.peerMetadata);
  const principal = (id: Identity | undefined) => (hop.mtls && id ? id.principal : UNKNOWN);
  const labels: PeerLabels = {
    source_workload: src.workload,
    source_canonical_service: src.canonicalService,
    source_canonical_revision: src.canonicalRevision,
    source_workload_namespace: src.namespace,
    source_principal: principal(hop.source),
    source_app: src.app,
    source_version: src.version,
    source_cluster: src.cluster,
    destination_workload: UNKNOWN,
    destination_workload_namespace: UNKNOWN,
    destination_principal: UNKNOWN,
    destination_app: UNKNOWN,
    destination_version: UNKNOWN,
    destination_service: UNKNOWN,
    destination_canonical_service: UNKNOWN,
    destination_canonical_revision: 'latest',
    destination_service_name: UNKNOWN,
    destination_service_namespace: UNKNOWN,
    destination_cluster: UNKNOWN,
  };
  if (hop.egress) {
    // Client side falls back to the Host header for destination_service (spec §2.3).
    labels.destination_service = hop.egress.host;
    labels.destination_service_name = hop.egress.cluster;
    return labels;
  }
  if (hop.external) {
    // The ServiceEntry's cluster metadata names the service: host = name = the host, namespace = the ServiceEntry's
    // (istio/istio serviceentry/conversion.go convertServices, core/cluster.go buildServiceMetadata), and the client
    // proxy reads them in preference to the Host header (istio/proxy istio_stats.cc, ClientSidecar). No peer answers
    // metadata exchange, so the destination_* peer labels keep the defaults above: unknown, revision latest (§2.3).
    labels.destination_service = hop.external.host;
    labels.destination_service_name = hop.external.host;
    labels.destination_service_namespace = hop.external.namespace;
    return labels;
  }
  const d = hop.destination;
  if (!d) {
    return labels;
  }
  labels.destination_service = d.serviceFqdn;
  labels.destination_service_name = d.service;
  labels.destination_service_namespace = d.namespace;
  if (hop.destinationDown) {
    return labels;
  }
  const dst = reporter === 'destination' ? local(d) : peer(d, hop.peerMetadata);
  labels.destination_workload = dst.workload;
  labels.destination_workload_namespace = dst.namespace;
  labels.destination_principal = principal(d);
  labels.destination_app = dst.app;
  labels.destination_version = dst.version;
  labels.destination_canonical_service = dst.canonicalService;
  labels.destination_canonical_revision = dst.canonicalRevision;
  labels.destination_cluster = dst.cluster;
  return labels;
}

/** Client-side proxies never know the policy; server side and waypoints see the handshake. */
export function connectionSecurityPolicy(hop: Hop, reporter: Reporter): string {
  if (reporter === 'source') {
    return UNKNOWN;
  }
  return hop.mtls ? 'mutual_tls' : 'none';
}

/** One end as ztunnel describes it: every missing value is "unknown"; app/version are the canonical name/revision. */
function ztunnelEnd(side: 'source' | 'destination', id: Identity | undefined, mtls: boolean): Record<string, string> {
  const v = (x: string | undefined) => x ?? UNKNOWN;
  return {
    [`${side}_workload`]: v(id?.workload),
    [`${side}_canonical_service`]: v(id?.canonicalService),
    [`${side}_canonical_revision`]: v(id?.canonicalRevision),
    [`${side}_workload_namespace`]: v(id?.namespace),
    [`${side}_principal`]: mtls && id ? id.principal : UNKNOWN,
    [`${side}_app`]: v(id?.canonicalService),
    [`${side}_version`]: v(id?.canonicalRevision),
    [`${side}_cluster`]: v(id?.cluster),
  };
}

/**
 * ztunnel's labels for one hop. Through a `waypoint`, each ztunnel sees only its leg and names the peer it connects
 * with: the client's ztunnel the waypoint as destination workload (with the service asked for), the server's the
 * waypoint as source, found by the connection's address (istio/ztunnel proxy/outbound.rs, proxy/inbound.rs).
 */
export function ztunnelLabels(
  hop: Hop,
  reporter: 'source' | 'destination',
  waypoint?: Identity
): Record<string, string> {
  const d = hop.destination;
  const source = waypoint && reporter === 'destination' ? waypoint : hop.source;
  const destination = waypoint && reporter === 'source' ? waypoint : d;
  return {
    reporter,
    ...ztunnelEnd('source', source, hop.mtls),
    destination_service: d?.serviceFqdn ?? UNKNOWN,
    destination_service_namespace: d?.namespace ?? UNKNOWN,
    destination_service_name: d?.service ?? UNKNOWN,
    ...ztunnelEnd('destination', destination, hop.mtls),
    request_protocol: 'tcp',
    response_flags: '-',
    connection_security_policy: hop.mtls ? 'mutual_tls' : UNKNOWN,
  };
}
