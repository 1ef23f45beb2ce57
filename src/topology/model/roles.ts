import { TopologyQueryRole } from '../../options';
import { Sample } from './samples';

/** Which query feeds what, when the frames themselves say nothing: the query set documented in QUERIES.md. */
export const CONVENTIONAL_ROLES: Record<string, TopologyQueryRole> = { A: 'requests', B: 'tcpBytes', C: 'latency' };

const METRIC_ROLES: Array<[RegExp, TopologyQueryRole]> = [
  [/istio_request_duration_(milli)?seconds_bucket/, 'latency'],
  [/istio_tcp_(sent|received)_bytes_total/, 'tcpBytes'],
  [/istio_requests_total/, 'requests'],
];

function roleOfMetric(text: string): TopologyQueryRole | undefined {
  return METRIC_ROLES.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * What a sample measures. Most to least reliable: its own metric name, the panel's refId mapping, an `le` label,
 * the executed query text, then the conventional refIds; samples with response codes are requests regardless.
 */
export function roleOf(sample: Sample, mapping: Record<string, TopologyQueryRole>): TopologyQueryRole {
  const name = sample.labels.__name__;
  return (
    (name !== undefined ? roleOfMetric(name) : undefined) ??
    mapping[sample.refId] ??
    ('le' in sample.labels ? 'latency' : undefined) ??
    roleOfMetric(sample.query) ??
    CONVENTIONAL_ROLES[sample.refId] ??
    ('response_code' in sample.labels ? 'requests' : 'ignore')
  );
}
