// The ten Istio standard metrics (spec §2.1) and the label layout each one uses.
import { HTTP_LABELS, MSG_LABELS, TCP_LABELS } from './labels';

export const REQUESTS_TOTAL = 'istio_requests_total';
export const REQUEST_DURATION = 'istio_request_duration_milliseconds';
export const REQUEST_BYTES = 'istio_request_bytes';
export const RESPONSE_BYTES = 'istio_response_bytes';
export const REQUEST_MESSAGES = 'istio_request_messages_total';
export const RESPONSE_MESSAGES = 'istio_response_messages_total';
export const TCP_OPENED = 'istio_tcp_connections_opened_total';
export const TCP_CLOSED = 'istio_tcp_connections_closed_total';
export const TCP_SENT = 'istio_tcp_sent_bytes_total';
export const TCP_RECEIVED = 'istio_tcp_received_bytes_total';
export const ISTIO_BUILD = 'istio_build';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

export interface FamilySpec {
  name: string;
  type: MetricType;
  labels: readonly string[];
}

/** Families an Envoy proxy (sidecar, gateway, waypoint) emits for mesh traffic. */
export const ENVOY_ISTIO_FAMILIES: readonly FamilySpec[] = [
  { name: REQUESTS_TOTAL, type: 'counter', labels: HTTP_LABELS },
  { name: REQUEST_DURATION, type: 'histogram', labels: HTTP_LABELS },
  { name: REQUEST_BYTES, type: 'histogram', labels: HTTP_LABELS },
  { name: RESPONSE_BYTES, type: 'histogram', labels: HTTP_LABELS },
  { name: REQUEST_MESSAGES, type: 'counter', labels: MSG_LABELS },
  { name: RESPONSE_MESSAGES, type: 'counter', labels: MSG_LABELS },
  { name: TCP_OPENED, type: 'counter', labels: TCP_LABELS },
  { name: TCP_CLOSED, type: 'counter', labels: TCP_LABELS },
  { name: TCP_SENT, type: 'counter', labels: TCP_LABELS },
  { name: TCP_RECEIVED, type: 'counter', labels: TCP_LABELS },
  { name: ISTIO_BUILD, type: 'gauge', labels: ['component', 'tag'] },
];

/** ztunnel L4 families (counter sample names; the OpenMetrics family name drops `_total`). */
export const ZTUNNEL_TCP_METRICS = [TCP_OPENED, TCP_CLOSED, TCP_RECEIVED, TCP_SENT] as const;
