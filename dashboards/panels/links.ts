/**
 * Links between dashboards go by uid (/d/<uid>), carry the time range and the variables the target needs, and
 * never by tag search (the incumbent's mesh links searched tags that no dashboard had).
 */
import { DashboardLinkBuilder, DashboardLinkType } from '@grafana/grafana-foundation-sdk/dashboard';
import type { MeshscopeConfig } from '../config/types';
import type { DataLink } from './kinds';

export const TIME_RANGE = '${__url_time_range}';

/** Variables every link passes on: same data source, same clusters. */
export const SHARED_VARIABLES = ['datasource', 'cluster'] as const;

export function dashboardUrl(uid: string, fields: Record<string, string>): string {
  const params = [
    ...SHARED_VARIABLES.map((v) => `\${${v}:queryparam}`),
    ...Object.entries(fields).map(([variable, label]) => `var-${variable}=\${__data.fields.${label}}`),
    TIME_RANGE,
  ];
  return `/d/${uid}?${params.join('&')}`;
}

/** A table-cell link to another dashboard, filling its variables from the row's label columns. */
export function dataLink(title: string, uid: string, fields: Record<string, string>): DataLink {
  return { title, url: dashboardUrl(uid, fields) };
}

/** Explore the traces of the service in the row, in the configured Tempo or Jaeger. */
export function traceLink(config: MeshscopeConfig, serviceField: string, namespaceField: string): DataLink[] {
  if (config.datasource.tracesUid === '') {
    return [];
  }
  // Istio names a proxy's tracing service "<canonical service>.<namespace>".
  const service = `\${__data.fields.${serviceField}}.\${__data.fields.${namespaceField}}`;
  const query =
    config.datasource.tracesType === 'tempo'
      ? { refId: 'A', queryType: 'traceql', query: `{resource.service.name="${service}"}` }
      : { refId: 'A', queryType: 'search', service };
  const left = JSON.stringify({
    datasource: '${traces}',
    queries: [query],
    range: { from: '${__from}', to: '${__to}' },
  });
  return [{ title: 'Traces', url: `/explore?left=${encodeURIComponent(left).replace(/%24%7B([^%]+)%7D/g, '${$1}')}` }];
}

/** A dashboard a header link points to. */
export interface DashboardRef {
  uid: string;
  title: string;
}

/** Header links to other dashboards, keeping time range and variables. */
export function dashboardLinks(dashboards: readonly DashboardRef[]) {
  return dashboards.map((d) =>
    new DashboardLinkBuilder(d.title)
      .type(DashboardLinkType.Link)
      .url(`/d/${d.uid}`)
      .includeVars(true)
      .keepTime(true)
      .icon('dashboard')
      .tooltip(`Open ${d.title}`)
  );
}
