/**
 * Template variables. Every dashboard has a data-source variable and a cluster variable; scoping variables
 * (namespace, service, workload, gateway) are chained through label_values so each list only offers what the
 * previous choice leaves, and are read through Prometheus's label API (no sample scan on dashboard load).
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableHide,
  VariableRefresh,
  VariableSort,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { MeshscopeConfig } from '../config/types';
import { selector } from '../queries/promql';
import { PROMETHEUS } from './datasources';

export type Variable = cog.Builder<VariableModel>;

export function datasourceVariable(config: MeshscopeConfig): Variable {
  return new DatasourceVariableBuilder('datasource')
    .label('Data source')
    .type('prometheus')
    .current({ selected: true, text: config.datasource.uid, value: config.datasource.uid });
}

/** Jaeger or Tempo, for the trace links; only emitted when the config names a traces data source. */
export function tracesVariable(config: MeshscopeConfig): Variable | undefined {
  const { tracesUid, tracesType } = config.datasource;
  if (tracesUid === '') {
    return undefined;
  }
  return new DatasourceVariableBuilder('traces')
    .label('Traces')
    .type(tracesType)
    .current({ selected: true, text: tracesUid, value: tracesUid });
}

export interface LabelVariable {
  name: string;
  label: string;
  /** Series selector whose label values are offered, e.g. istio_requests_total{cluster=~"$cluster"}. */
  metric: string;
  matchers: string[];
  /** Label the values come from. */
  from: string;
  multi: boolean;
  description: string;
  /**
   * What "All" means; default `.*`. A narrower regex keeps All inside the variable's own filter; null makes it every
   * value listed (Grafana's alternation of them), for a variable whose point is to narrow what a query reads.
   */
  allValue?: string | null;
  /** Not shown on the dashboard: a list the queries need, not a choice for the user. */
  hidden?: boolean;
}

const ALL = { selected: true, text: 'All', value: '$__all' };

export function labelVariable(v: LabelVariable): Variable {
  const query = `label_values(${selector(v.metric, v.matchers)}, ${v.from})`;
  const b = new QueryVariableBuilder(v.name)
    .label(v.label)
    .description(v.description)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .allowCustomValue(true);
  if (v.multi) {
    // `.*` rather than a list of every value: short URLs and queries (istio#5712), and series without the label match.
    b.multi(true).includeAll(true).current(ALL);
    if (v.allValue !== null) {
      b.allValue(v.allValue ?? '.*');
    }
  }
  if (v.hidden) {
    b.hide(VariableHide.HideVariable);
  }
  return b;
}

/**
 * A single-valued namespace variable, then a single-valued `v` chained on it: `v` lists only what the chosen
 * namespace holds (series whose `namespace.from` label is "$namespace").
 */
export function inNamespace(
  clusterMatcher: string,
  namespace: Pick<LabelVariable, 'metric' | 'from' | 'description'>,
  v: Omit<LabelVariable, 'matchers' | 'multi'>
): Variable[] {
  return [
    labelVariable({ name: 'namespace', label: 'Namespace', matchers: [clusterMatcher], multi: false, ...namespace }),
    labelVariable({ ...v, matchers: [clusterMatcher, `${namespace.from}="$namespace"`], multi: false }),
  ];
}

/**
 * A single-valued variable listing the `label` values of an instant query's result: for lists the label API cannot
 * give, such as the union of two labels. Runs one instant query on load, where label_values runs none.
 */
export function resultVariable(v: {
  name: string;
  label: string;
  description: string;
  expr: string;
  from: string;
}): Variable {
  const query = `query_result(${v.expr})`;
  return new QueryVariableBuilder(v.name)
    .label(v.label)
    .description(v.description)
    .datasource(PROMETHEUS)
    .query(query)
    .definition(query)
    .regex(`/${v.from}="([^"]+)"/`)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .allowCustomValue(true);
}

export function clusterVariable(config: MeshscopeConfig): Variable {
  return labelVariable({
    name: 'cluster',
    label: 'Cluster',
    metric: 'istio_build',
    matchers: [],
    from: config.labels.cluster,
    multi: true,
    description: `Clusters, from the "${config.labels.cluster}" target label (configurable as labels.cluster). Every panel honours it.`,
  });
}
