import { DataFrame } from '@grafana/data';
import { Mesh } from '../../simulator/model/mesh';
import type { Topology } from '../../simulator/topology/types';
import { truthOf } from '../../simulator/truth';
import { SeriesSample, tableFrame } from '../../src/topology/model/frameShapes';

/**
 * A simulator topology's edges, from its `/truth`, as the Mesh dashboard's request query returns them (one table row
 * per edge and response class): the layout and its readability depend on the graph's structure, not on Prometheus,
 * so unit tests and the readability bench skip the scrape. Egress is reported by its source, as Istio does; the rest
 * by the destination.
 */
export function truthFrames(topology: Topology): DataFrame[] {
  const truth = truthOf(new Mesh(topology, 1, 0), [], 0);
  const series: SeriesSample[] = [];
  for (const e of truth.edges) {
    const source = e.source ?? { workload: 'unknown', namespace: 'unknown' };
    const destination = e.egress
      ? { workload: 'unknown', namespace: 'unknown', service: e.egress.cluster, host: e.egress.host }
      : e.destination && {
          ...e.destination,
          host: `${e.destination.service}.${e.destination.namespace}.svc.cluster.local`,
        };
    if (!destination) {
      continue;
    }
    const labels = {
      reporter: e.egress ? 'source' : 'destination',
      source_workload: source.workload,
      source_workload_namespace: source.namespace,
      destination_workload: destination.workload,
      destination_workload_namespace: destination.namespace,
      destination_service_name: destination.service,
      destination_service: destination.host,
      request_protocol: e.protocol,
      connection_security_policy: e.mtls ? 'mutual_tls' : 'none',
    };
    const failed = e.rate * e.errorShare;
    series.push({ labels: { ...labels, response_code: '200' }, value: e.rate - failed });
    if (failed > 0) {
      series.push({ labels: { ...labels, response_code: '503' }, value: failed });
    }
  }
  return [tableFrame('A', series)];
}
