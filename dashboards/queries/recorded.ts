/**
 * Recorded mode: the Istio traffic series pre-aggregated by the recording rules in provisioning/prometheus, and the
 * names the query library reads instead of rating raw counters. Rules and dashboards both take their names from
 * here, so a dashboard can never read a series no rule records.
 */
import { HTTP_HISTOGRAMS, REQUESTS, TCP_COUNTERS } from '../../src/istio/semantics';
import type { MeshscopeConfig } from '../config/types';

const histogramSeries = (base: string) => [`${base}_bucket`, `${base}_sum`, `${base}_count`];

/** Every Istio counter the query library rates, the user's Telemetry-API metrics included. */
export function recordedMetrics(config: MeshscopeConfig): string[] {
  const custom = config.customTelemetry.metrics.flatMap((m) =>
    m.type === 'histogram' ? histogramSeries(m.name) : [m.name]
  );
  return [REQUESTS, ...HTTP_HISTOGRAMS.flatMap(histogramSeries), ...TCP_COUNTERS, ...custom];
}

/**
 * Labels that tell one pod's series from another's: a target's `instance` and pod name, and the pod labels a
 * `labelmap` of `__meta_kubernetes_pod_label_(.+)` copies (Istio's sample Prometheus) that differ per pod, per
 * ReplicaSet or per zone. Every other label, Istio's and the scrape's (job, cluster, namespace, app, container), is kept, so the
 * recorded series answer every selector and grouping the raw ones do.
 */
export function podLabels(config: MeshscopeConfig): string[] {
  return [
    ...new Set([
      'instance',
      config.labels.pod,
      'pod_name',
      'kubernetes_pod_name',
      'pod_template_hash',
      'controller_revision_hash',
      'statefulset_kubernetes_io_pod_name',
      'apps_kubernetes_io_pod_index',
      // The node's topology labels, which Kubernetes' PodTopologyLabels admission copies onto pods: pods of one
      // workload spread over zones.
      'topology_kubernetes_io_region',
      'topology_kubernetes_io_zone',
      'topology_istio_io_subzone',
    ]),
  ];
}

/** `workload:<metric without _total>:rate<window>`, Prometheus's level:metric:operation naming. */
export function recordedName(metric: string, window: string): string {
  return `workload:${metric.replace(/_total$/, '')}:rate${window}`;
}

/**
 * Series counts the rules keep so the Envoy dashboard need not count raw series on every load: Envoy series per proxy
 * pod, and all series Istio's proxies export per cluster. Counting reads every series it counts.
 */
export function recordedSeriesCount(level: 'pod' | 'cluster'): string {
  return level === 'pod' ? 'pod:envoy_series:count' : 'cluster:istio_proxy_series:count';
}
