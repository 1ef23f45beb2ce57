// Grafana unit ids used by the dashboards. Bytes are bytes (Istio's mesh table shows bytes/s as `bps`, bits).
export const UNITS = {
  requestsPerSecond: 'reqps',
  operationsPerSecond: 'ops',
  connectionsPerSecond: 'cps',
  ratio: 'percentunit',
  milliseconds: 'ms',
  seconds: 's',
  bytes: 'bytes',
  bytesPerSecond: 'Bps',
  cores: 'short',
  count: 'short',
} as const;
