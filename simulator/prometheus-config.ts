// A Prometheus configuration that discovers every simulated target through /sd (HTTP SD). The
// target labels and __metrics_path__ come from /sd, so one job covers pods and kubelets alike.

export interface PrometheusConfigOptions {
  /** Base URL of the simulator, e.g. http://127.0.0.1:9900 */
  simulatorUrl: string;
  scrapeInterval?: string;
  /** How often Prometheus re-reads /sd; scale-to-zero shows up after this. */
  refreshInterval?: string;
}

export function prometheusConfig(o: PrometheusConfigOptions): string {
  const interval = o.scrapeInterval ?? '15s';
  return [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: meshscope-simulator',
    '    http_sd_configs:',
    `      - url: ${o.simulatorUrl.replace(/\/$/, '')}/sd`,
    `        refresh_interval: ${o.refreshInterval ?? interval}`,
    '',
  ].join('\n');
}
