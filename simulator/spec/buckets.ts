// Histogram bucket upper bounds (without +Inf, which every renderer appends).

/** Envoy HistogramSettingsImpl::defaultBuckets: used for all three istio_* HTTP histograms (spec §2.4). */
export const ENVOY_DEFAULT_BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
] as const;

/** istiod histograms (spec §5). */
export const ISTIOD_BUCKETS = {
  pilot_proxy_convergence_time: [0.1, 0.5, 1, 3, 5, 10, 20, 30],
  pilot_proxy_queue_time: [0.1, 0.5, 1, 3, 5, 10, 20, 30],
  pilot_xds_push_time: [0.01, 0.1, 0.5, 1, 3, 5, 10, 20, 30],
  pilot_xds_config_size_bytes: [1, 10000, 1e6, 4e6, 1e7, 4e7],
  pilot_xds_send_time: [0.01, 0.1, 1, 3, 5, 10, 20, 30],
  sidecar_injection_time_seconds: [0.1, 1, 3, 5, 10, 20, 30, 60],
  grpc_server_handling_seconds: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
} as const;

/** ztunnel DNS upstream latency (spec §3.2). */
export const ZTUNNEL_DNS_BUCKETS = [0.0005, 0.001, 0.01, 0.1, 1, 5] as const;
