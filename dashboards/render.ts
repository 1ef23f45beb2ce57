/**
 * Dashboards to file contents. Keys are sorted at every level so the bytes depend only on the builders and the
 * config (not on insertion order inside the SDK), which is what makes the CI drift check meaningful.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.map(sortKeys);
  }
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])
    );
  }
  return v;
}

export function renderDashboard(d: Dashboard): string {
  return `${JSON.stringify(sortKeys(d), null, 2)}\n`;
}

/** File name → contents for a set of dashboards: provisioning/dashboards/<uid>.json. */
export function renderFiles(dashboards: Dashboard[]): Map<string, string> {
  return new Map(dashboards.map((d) => [`${d.uid}.json`, renderDashboard(d)]));
}
