// Which edges' bytes the dashboards' TCP figures count (src/istio/semantics.ts WAYPOINT_LEG_MATCHERS), from /truth.
import type { EdgeTruth } from '../../simulator';

/**
 * TCP edges, counted by whichever proxy handles them (a waypoint's own istio_tcp_* report included), and the L4 bytes
 * ztunnel reports of HTTP hops no Envoy handled: ambient without a waypoint in the path. Through a waypoint, HTTP is
 * counted in requests, as through sidecars.
 */
export const countedAsTcp = (e: EdgeTruth): boolean => e.tcp !== null && (e.protocol === 'tcp' || e.waypoint === null);
