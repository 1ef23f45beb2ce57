/**
 * Puts a dashboard together from sections: fixed uid, shared variables, links to the other dashboards, panel ids
 * numbered in reading order so the JSON is the same on every run.
 */
import {
  DashboardBuilder,
  DashboardCursorSync,
  RowBuilder,
  type Dashboard,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { MeshscopeConfig } from '../config/types';
import type { PanelBuilder } from '../panels/kinds';
import { dashboardLinks, type DashboardRef } from '../panels/links';
import { clusterVariable, datasourceVariable, tracesVariable, type Variable } from '../panels/variables';

export interface Section {
  title: string;
  /** Heavy or rarely needed sections start collapsed: Grafana runs their queries only when opened. */
  collapsed?: boolean;
  panels: PanelBuilder[];
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  /** Variables after datasource and cluster (and traces, when configured). */
  variables: Variable[];
  sections: Section[];
}

/** What a builder produces: everything but the uid and title, which the dashboards table (registry.ts) holds. */
export type DashboardBody = Omit<DashboardSpec, 'uid' | 'title'>;

type Json = Record<string, unknown>;

function numberPanels(panels: Json[], next: { id: number }): void {
  for (const p of panels) {
    p.id = next.id++;
    if (Array.isArray(p.panels)) {
      numberPanels(p.panels as Json[], next);
    }
  }
}

/** `linked`: the dashboards the header links to (itself left out), in this order. */
export function assemble(
  config: MeshscopeConfig,
  spec: DashboardSpec,
  linked: readonly DashboardRef[] = []
): Dashboard {
  const traces = tracesVariable(config);
  const b = new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags(['meshscope', 'istio', ...spec.tags])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .refresh('1m')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .variables([datasourceVariable(config), ...(traces ? [traces] : []), clusterVariable(config), ...spec.variables])
    .links(dashboardLinks(linked.filter((d) => d.uid !== spec.uid)));
  for (const s of spec.sections) {
    if (s.collapsed) {
      const row = new RowBuilder(s.title).collapsed(true);
      s.panels.forEach((p) => row.withPanel(p));
      b.withRow(row);
    } else {
      b.withRow(new RowBuilder(s.title));
      s.panels.forEach((p) => b.withPanel(p));
    }
  }
  const json = b.build();
  numberPanels(json.panels as unknown as Json[], { id: 1 });
  return json;
}
