import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A preview page showing one of our panels from a generated dashboard, on live data. */
export interface DemoPage {
  title: string;
  search: string;
}

interface DashboardPanel {
  type?: string;
  title?: string;
  options?: object;
  fieldConfig?: { defaults?: object };
  targets?: Array<{ refId: string; expr: string; format?: string; instant?: boolean; legendFormat?: string }>;
  panels?: DashboardPanel[];
}

// What Grafana would put in for the dashboards' variables with "All" selected and a short range.
const VARIABLES: Record<string, string> = {
  cluster: '.*',
  namespace: '.*',
  service: '.*',
  workload: '.*',
  __rate_interval: '1m',
};

function substitute(expr: string): string {
  return expr.replace(/\$\{?(\w+)\}?/g, (match, name: string) => VARIABLES[name] ?? match);
}

function panelsOf(panels: DashboardPanel[] = []): DashboardPanel[] {
  return panels.flatMap((p) => [p, ...panelsOf(p.panels)]);
}

/**
 * The pages `npm start` prints: every meshscope panel of the generated dashboards (provisioning/dashboards), with
 * its own options, units and queries, so the demo shows exactly what the dashboards will show.
 */
export function demoPages(dashboardsDir: string): DemoPage[] {
  const files = readdirSync(dashboardsDir).filter((f) => f.endsWith('.json'));
  return files.flatMap((file) => {
    const dashboard = JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8')) as {
      title: string;
      panels?: DashboardPanel[];
    };
    return panelsOf(dashboard.panels)
      .filter((panel) => panel.type === 'meshscope-mesh-panel')
      .map((panel) => {
        const queries = (panel.targets ?? []).map((t) => ({
          refId: t.refId,
          expr: substitute(t.expr),
          format: t.format ?? 'time_series',
          instant: t.instant ?? false,
          legendFormat: t.legendFormat,
        }));
        const params = new URLSearchParams({
          title: `${dashboard.title} / ${panel.title}`,
          options: JSON.stringify(panel.options ?? {}),
          fieldConfig: JSON.stringify(panel.fieldConfig?.defaults ?? {}),
          queries: JSON.stringify(queries),
          range: '15m',
          refresh: '15s',
        });
        return { title: `${dashboard.title} / ${panel.title}`, search: `?${params}` };
      });
  });
}
