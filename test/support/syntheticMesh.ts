import { DataFrame } from '@grafana/data';
import { mulberry32 } from '../../src/mulberry32';
import { SeriesSample, tableFrame } from '../../src/topology/model/frameShapes';

export interface SyntheticMesh {
  frames: DataFrame[];
  nodes: number;
  edges: number;
}

/**
 * A mesh of `nodes` workloads in namespaces of ~50, fed by an ingress gateway, with ~`edgesPerNode` outgoing edges
 * per node towards later nodes (layered, as real call graphs mostly are) and a few calls back. Requests come as
 * destination-reported table rows (refId A, 200s and some 503s); used by `npm run bench` and the layout tests.
 */
export function syntheticMesh(nodes: number, edgesPerNode = 4, seed = 1): SyntheticMesh {
  const random = mulberry32(seed);
  const name = (i: number) => (i === 0 ? 'istio-ingressgateway' : `svc-${i}`);
  const namespace = (i: number) => (i === 0 ? 'istio-system' : `ns-${Math.floor(i / 50)}`);
  const series: SeriesSample[] = [];
  const seen = new Set<string>();
  const push = (from: number, to: number) => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) {
      return;
    }
    seen.add(key);
    const labels = {
      reporter: 'destination',
      source_workload: name(from),
      source_workload_namespace: namespace(from),
      destination_workload: name(to),
      destination_workload_namespace: namespace(to),
      destination_service: `${name(to)}.${namespace(to)}.svc.cluster.local`,
      destination_service_name: name(to),
      request_protocol: 'http',
      connection_security_policy: 'mutual_tls',
    };
    const rate = Math.round(random() * 1000) / 10 + 0.1;
    series.push({ labels: { ...labels, response_code: '200' }, value: rate });
    if (random() < 0.1) {
      series.push({ labels: { ...labels, response_code: '503' }, value: rate / 20 });
    }
  };
  for (let i = 1; i < nodes; i++) {
    push(Math.floor(random() * Math.min(i, 20)), i);
  }
  const extra = Math.max(0, Math.round(nodes * edgesPerNode) - (nodes - 1));
  for (let k = 0; k < extra; k++) {
    const from = 1 + Math.floor(random() * (nodes - 1));
    const forward = random() < 0.9;
    const span = Math.max(1, Math.floor(random() * 200));
    const to = forward
      ? Math.min(nodes - 1, from + 1 + Math.floor(random() * span))
      : Math.max(1, from - 1 - Math.floor(random() * span));
    push(from, to);
  }
  return { frames: [tableFrame('A', series)], nodes, edges: seen.size };
}
