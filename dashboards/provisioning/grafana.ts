/**
 * Grafana file provisioning (provisioning/grafana/, mounted at /etc/grafana/provisioning): the Prometheus data
 * source under the uid the dashboards' data-source variable defaults to, and the dashboard provider.
 */
import type { MeshscopeConfig } from '../config/types';
import { providerFile } from '../provider';
import { toYaml } from './yaml';

/** Where plain-Grafana and Compose installs put provisioning/dashboards/*.json. */
export const DASHBOARDS_PATH = '/var/lib/grafana/dashboards/meshscope';

export function datasourceFile(config: MeshscopeConfig): string {
  return toYaml({
    apiVersion: 1,
    datasources: [
      {
        name: 'Prometheus',
        uid: config.datasource.uid,
        type: 'prometheus',
        access: 'proxy',
        url: config.install.prometheusUrl,
        isDefault: true,
        editable: false,
        // $__rate_interval is 4 × timeInterval: it must be the real scrape interval for rates to have enough samples.
        jsonData: { timeInterval: config.install.scrapeInterval, httpMethod: 'POST' },
      },
    ],
  });
}

export function grafanaFiles(config: MeshscopeConfig): Map<string, string> {
  return new Map([
    ['datasources/meshscope.yaml', datasourceFile(config)],
    ['dashboards/meshscope.yaml', providerFile(config, DASHBOARDS_PATH)],
  ]);
}
