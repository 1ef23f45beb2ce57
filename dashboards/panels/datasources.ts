import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/dashboard';

/** Every panel and query reads the data-source variable, never a data source named at export time (istio#28092). */
export const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };
