import { DEFAULT_OPTIONS } from '../../src/options';
import { selector } from '../queries/promql';
import { heatmap, meshPanel, stat, timeseries } from '../panels/kinds';
import { UNITS } from '../panels/units';
import type { DashboardBody } from './assemble';
import { resourcePanels } from './resources';
import type { Context } from './traffic';

/** istiod: versions, resources, xDS pushes and their cost, proxy convergence, webhooks, certificates. */
export function controlPlaneDashboard(ctx: Context): DashboardBody {
  const { config, components: c } = ctx;
  const istiodRate = (metric: string, by: string[] = []) => c.counterRate('istiod', metric, by);
  // Webhooks and certificate signing: istiod counters per second, one line per `{ legend: metric }`, three to a row.
  const istiodRates = (title: string, description: string, lines: Record<string, string>) =>
    timeseries({
      title,
      description,
      unit: UNITS.operationsPerSecond,
      targets: Object.entries(lines).map(([legend, metric]) => ({ expr: istiodRate(metric), legend })),
      width: 8,
    });
  const histogramView = (title: string, description: string, histogram: string) =>
    meshPanel({
      title,
      description,
      unit: UNITS.seconds,
      targets: [{ expr: c.buckets('istiod', histogram), legend: '{{le}}' }],
      options: {
        view: 'histogram',
        histogram: {
          ...DEFAULT_OPTIONS.histogram,
          shareBounds: config.thresholds.convergenceBoundsSeconds,
          percentiles: [0.5, 0.9, 0.99],
        },
      },
      width: 12,
      height: 10,
    });
  return {
    description:
      'istiod: versions, resources, xDS pushes and what triggers them, connected proxies, errors, push time and size, proxy convergence (Histogram view), webhooks and certificates.',
    tags: ['control-plane', 'istiod'],
    variables: [],
    sections: [
      {
        title: 'Proxy convergence and push time',
        panels: [
          histogramView(
            'Proxy convergence',
            'Delay between a configuration change and a proxy having all of it (pilot_proxy_convergence_time), drawn to true scale by the meshscope Histogram view: share of pushes converged within the configured bounds and p50/p90/p99, exact as histogram_quantile.',
            'pilot_proxy_convergence_time'
          ),
          histogramView(
            'Push time',
            'Time istiod takes to build and send one xDS push (pilot_xds_push_time, all types), with shares within the bounds and p50/p90/p99.',
            'pilot_xds_push_time'
          ),
        ],
      },
      {
        title: 'Deployed versions and configuration known',
        panels: [
          timeseries({
            title: 'istiod versions',
            description: 'Running istiod instances per version (istio_build, component="pilot").',
            unit: UNITS.count,
            targets: [{ expr: c.versions(['pilot']), legend: '{{tag}}' }],
            width: 12,
          }),
          stat({
            title: 'Services known',
            description: 'Services istiod knows (pilot_services); max over replicas, which all see the same registry.',
            unit: UNITS.count,
            targets: [{ expr: `max(${selector('pilot_services', c.scrape('istiod'))})`, legend: 'services' }],
            width: 6,
          }),
          stat({
            title: 'Virtual services known',
            description: 'VirtualServices istiod knows (pilot_virt_services); max over replicas.',
            unit: UNITS.count,
            targets: [
              { expr: `max(${selector('pilot_virt_services', c.scrape('istiod'))})`, legend: 'virtual services' },
            ],
            width: 6,
          }),
        ],
      },
      { title: 'Resource usage', panels: resourcePanels(c, 'istiod', 'istiod', 6) },
      {
        title: 'Push information',
        panels: [
          timeseries({
            title: 'xDS pushes by type',
            description: 'xDS pushes per second by type (cds, eds, lds, rds, …; pilot_xds_pushes).',
            unit: UNITS.operationsPerSecond,
            targets: [{ expr: istiodRate('pilot_xds_pushes', ['type']), legend: '{{type}}' }],
            width: 8,
            stacked: true,
          }),
          timeseries({
            title: 'Config events and push triggers',
            description:
              'Kubernetes config and registry events per second (pilot_k8s_cfg_events, pilot_k8s_reg_events) and pushes triggered per second by reason (pilot_push_triggers).',
            unit: UNITS.operationsPerSecond,
            targets: [
              { expr: istiodRate('pilot_k8s_cfg_events', ['type', 'event']), legend: 'config {{type}} {{event}}' },
              { expr: istiodRate('pilot_k8s_reg_events', ['type', 'event']), legend: 'registry {{type}} {{event}}' },
              { expr: istiodRate('pilot_push_triggers', ['type']), legend: 'trigger {{type}}' },
            ],
            width: 8,
          }),
          timeseries({
            title: 'Connected proxies',
            description:
              'Proxies connected to istiod over xDS by proxy version (pilot_xds, istiod\'s view) and xDS connections the proxies hold (envoy_cluster_upstream_cx_active{cluster_name="xds-grpc"}, the proxies\' view).',
            unit: UNITS.count,
            targets: [
              { expr: c.gauge('istiod', 'pilot_xds', ['version']), legend: 'istiod: {{version}}' },
              {
                expr: c.gauge('proxies', 'envoy_cluster_upstream_cx_active', [], ['cluster_name="xds-grpc"']),
                legend: 'proxies',
              },
            ],
            width: 8,
          }),
          timeseries({
            title: 'Push errors and rejects',
            description:
              'Per second: xDS responses rejected by proxies by type (pilot_total_xds_rejects) and istiod internal errors (pilot_total_xds_internal_errors). Rates, not raw counters: a restart does not look like a recovery.',
            unit: UNITS.operationsPerSecond,
            targets: [
              { expr: istiodRate('pilot_total_xds_rejects', ['type']), legend: 'rejected {{type}}' },
              { expr: istiodRate('pilot_total_xds_internal_errors'), legend: 'internal errors' },
            ],
            width: 24,
          }),
        ],
      },
      {
        // Every push type's bucket series: on load they took the dashboard past half of the samples Istio's whole
        // Control Plane dashboard reads (bench/dashboards.ts), so they are read when the row is opened.
        title: 'Push size',
        collapsed: true,
        panels: [
          heatmap({
            title: 'Push size',
            description:
              'Size of pushed xDS configuration per push (pilot_xds_config_size_bytes), pushes per second per size bucket.',
            unit: UNITS.bytes,
            targets: [{ expr: c.buckets('istiod', 'pilot_xds_config_size_bytes') }],
            width: 24,
          }),
        ],
      },
      {
        title: 'Webhooks and certificates',
        collapsed: true,
        panels: [
          istiodRates(
            'Validation webhook',
            'Configuration validations per second that passed (galley_validation_passed) and failed (galley_validation_failed).',
            { passed: 'galley_validation_passed', failed: 'galley_validation_failed' }
          ),
          istiodRates(
            'Injection webhook',
            'Sidecar injections per second that succeeded (sidecar_injection_success_total) and failed (sidecar_injection_failure_total).',
            { success: 'sidecar_injection_success_total', failure: 'sidecar_injection_failure_total' }
          ),
          istiodRates(
            'Certificate signing',
            'CSRs received (citadel_server_csr_count) and certificates issued (citadel_server_success_cert_issuance_count) per second; a gap between them means failed signing.',
            { CSRs: 'citadel_server_csr_count', issued: 'citadel_server_success_cert_issuance_count' }
          ),
        ],
      },
    ],
  };
}
