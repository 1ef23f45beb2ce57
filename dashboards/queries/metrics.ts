/**
 * Names of Istio's standard HTTP histograms and TCP counters, listed once: the query library types its arguments
 * from these lists and the recording rules record each of them.
 */
export const HTTP_HISTOGRAMS = [
  'istio_request_duration_milliseconds',
  'istio_request_bytes',
  'istio_response_bytes',
] as const;

export const TCP_COUNTERS = [
  'istio_tcp_sent_bytes_total',
  'istio_tcp_received_bytes_total',
  'istio_tcp_connections_opened_total',
  'istio_tcp_connections_closed_total',
] as const;

export type HttpHistogram = (typeof HTTP_HISTOGRAMS)[number];
export type TcpCounter = (typeof TCP_COUNTERS)[number];
