/**
 * grafana.com-style dashboards for manual import (Dashboards › New › Import): the data source is an import input,
 * `${DS_PROMETHEUS}`, which Grafana asks for and substitutes, and `__requires` lists what the dashboard needs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const INPUT = 'DS_PROMETHEUS';

/** Oldest Grafana the panel plugin supports, from its grafanaDependency (">=12.4.0"). */
function grafanaVersion(): string {
  const plugin = JSON.parse(readFileSync(resolve(__dirname, '../../src/plugin.json'), 'utf8')) as { dependencies: { grafanaDependency: string } };
  return plugin.dependencies.grafanaDependency.replace(/^>=\s*/, '');
}
const PANEL_NAMES: Record<string, string> = {
  'meshscope-mesh-panel': 'Istio Mesh (meshscope)',
  heatmap: 'Heatmap',
  stat: 'Stat',
  table: 'Table',
  timeseries: 'Time series',
};

interface DashboardJson {
  panels?: Array<{ type?: string; panels?: Array<{ type?: string }> }>;
  templating?: { list?: Array<{ type?: string; name?: string; query?: unknown; current?: unknown }> };
  [key: string]: unknown;
}

function panelTypes(d: DashboardJson): string[] {
  const types = (d.panels ?? []).flatMap((p) => [p.type, ...(p.panels ?? []).map((c) => c.type)]);
  return [...new Set(types.filter((t): t is string => t !== undefined && t !== 'row'))].sort();
}

/** One dashboard as grafana.com serves it: the Prometheus data-source variable defaults to the import input. */
export function importable(text: string): string {
  const d = JSON.parse(text) as DashboardJson;
  const list = (d.templating?.list ?? []).map((v) => (v.type === 'datasource' && v.query === 'prometheus' ? { ...v, current: { selected: true, text: `\${${INPUT}}`, value: `\${${INPUT}}` } } : v));
  const requires = [
    { type: 'grafana', id: 'grafana', name: 'Grafana', version: grafanaVersion() },
    { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
    ...panelTypes(d).map((id) => {
      if (!(id in PANEL_NAMES)) {
        throw new Error(`${String(d.uid)}: panel type ${id} has no name for __requires (dashboards/provisioning/grafana-com.ts)`);
      }
      return { type: 'panel', id, name: PANEL_NAMES[id], version: '' };
    }),
  ];
  const out = {
    __inputs: [{ name: INPUT, label: 'Prometheus', description: 'Prometheus scraping Istio', type: 'datasource', pluginId: 'prometheus', pluginName: 'Prometheus' }],
    __requires: requires,
    ...d,
    id: null,
    templating: { ...d.templating, list },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function grafanaComFiles(dashboards: Map<string, string>): Map<string, string> {
  return new Map([...dashboards].map(([name, text]) => [name, importable(text)]));
}
