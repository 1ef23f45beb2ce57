import { ViewDefinition } from '../components/viewDefinition';
import { hasLabel } from '../data/frames';
import { isNodeGraphEdges, isNodeGraphNodes } from './model/nodeGraph';
import { TopologyView } from './TopologyView';

const ENDPOINT_LABELS = [
  'source_workload',
  'source_app',
  'destination_workload',
  'destination_service',
  'destination_service_name',
];

export const topologyView: ViewDefinition = {
  label: 'Topology',
  expected: [
    'A: sum by (reporter, source_cluster, source_workload_namespace, source_workload, source_app, source_version, destination_cluster, destination_workload_namespace, destination_workload, destination_app, destination_version, destination_service, destination_service_name, destination_service_namespace, request_protocol, response_code, grpc_response_status, response_flags, connection_security_policy) (rate(istio_requests_total[$__rate_interval])) — instant, table or time series format',
    'B (optional): the same by-clause without response codes over rate(istio_tcp_sent_bytes_total[…]) + rate(istio_tcp_received_bytes_total[…])',
    'C (optional): the same by-clause plus le over rate(istio_request_duration_milliseconds_bucket[…]) for p50/p95/p99',
    "Or Grafana's Node Graph frames: a nodes frame (id, title, subtitle, mainstat, arc__*, …) and an edges frame (id, source, target, mainstat, …)",
  ],
  check(series) {
    const usable = series.some(
      (frame) =>
        frame &&
        Array.isArray(frame.fields) &&
        (isNodeGraphEdges(frame) || isNodeGraphNodes(frame) || ENDPOINT_LABELS.some((l) => hasLabel(frame, l)))
    );
    return usable
      ? undefined
      : `None of the ${series.length} frame(s) carries source/destination labels (${ENDPOINT_LABELS.join(', ')}) or Node Graph fields (id; source and target).`;
  },
  component: TopologyView,
};
