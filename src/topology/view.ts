import { DataFrame } from '@grafana/data';
import { ViewDefinition } from '../components/viewDefinition';
import { hasLabel } from '../data/frames';
import { TopologyView } from './TopologyView';

const ENDPOINT_LABELS = ['source_workload', 'destination_workload', 'destination_service'];
const NODE_GRAPH_FIELDS = ['id', 'source', 'target'];

function isNodeGraphFrame(frame: DataFrame): boolean {
  const names = new Set(frame.fields.map((f) => f.name));
  return NODE_GRAPH_FIELDS.some((n) => names.has(n));
}

export const topologyView: ViewDefinition = {
  label: 'Topology',
  expected: [
    'Instant results of sum by (source_workload, source_workload_namespace, destination_workload, destination_workload_namespace, destination_service, …) (rate(istio_requests_total[…])) — table or time series format',
    'istio_tcp_sent_bytes_total / istio_tcp_received_bytes_total with the same labels',
    "Or Grafana's Node Graph frames: a nodes frame (id, title, …) and an edges frame (id, source, target, …)",
  ],
  check(series) {
    const usable = series.some((frame) => isNodeGraphFrame(frame) || ENDPOINT_LABELS.some((l) => hasLabel(frame, l)));
    return usable
      ? undefined
      : `None of the ${series.length} frame(s) carries source/destination labels (${ENDPOINT_LABELS.join(', ')}) or Node Graph fields (${NODE_GRAPH_FIELDS.join(', ')}).`;
  },
  component: TopologyView,
};
