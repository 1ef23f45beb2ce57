// Reading generated dashboards in tests: panels (rows' children included), targets, links, variable defaults.
import type { Dashboard, Panel } from '@grafana/grafana-foundation-sdk/dashboard';

export type AnyPanel = Omit<Panel, 'targets'> & {
  panels?: AnyPanel[];
  targets?: Array<Record<string, unknown>>;
  collapsed?: boolean;
};

export function panelsOf(d: Dashboard): AnyPanel[] {
  const out: AnyPanel[] = [];
  const walk = (ps: AnyPanel[]) =>
    ps.forEach((p) => {
      if (p.type !== 'row') {
        out.push(p);
      }
      walk(p.panels ?? []);
    });
  walk((d.panels ?? []) as AnyPanel[]);
  return out;
}

export function rowsOf(d: Dashboard): AnyPanel[] {
  return ((d.panels ?? []) as AnyPanel[]).filter((p) => p.type === 'row');
}

export interface TargetRef {
  uid: string;
  panel: string;
  refId: string;
  expr: string;
  instant: boolean;
  /** Runs when the dashboard opens: a collapsed row holds its panels and runs none until opened. */
  onLoad: boolean;
  /** What decides the query's step: the panel's width in grid columns, its min interval and max data points. */
  columns: number;
  minInterval?: string;
  maxDataPoints?: number;
}

/** Every panel's queries as Grafana sends them: hidden targets (`hide: true`) are not run. */
export function targetsOf(d: Dashboard): TargetRef[] {
  const loaded = new Set(((d.panels ?? []) as AnyPanel[]).filter((p) => p.type !== 'row'));
  return panelsOf(d).flatMap((p) =>
    (p.targets ?? [])
      .filter((t) => t.hide !== true)
      .map((t) => ({
        uid: d.uid!,
        panel: p.title ?? '',
        refId: String(t.refId),
        expr: String(t.expr),
        instant: t.instant === true,
        onLoad: loaded.has(p),
        columns: p.gridPos?.w ?? 24,
        minInterval: p.interval || undefined,
        maxDataPoints: p.maxDataPoints ?? undefined,
      }))
  );
}

/** Targets Grafana runs when the dashboard opens. */
export function loadedTargetsOf(d: Dashboard): TargetRef[] {
  return targetsOf(d).filter((t) => t.onLoad);
}

export function panelByTitle(d: Dashboard, title: string): AnyPanel {
  const p = panelsOf(d).find((x) => x.title === title);
  if (!p) {
    throw new Error(`${d.uid}: no panel "${title}"`);
  }
  return p;
}

export function exprOf(d: Dashboard, title: string, refId = 'A'): string {
  const t = (panelByTitle(d, title).targets ?? []).find((x) => x.refId === refId);
  if (!t) {
    throw new Error(`${d.uid} "${title}": no target ${refId}`);
  }
  return String(t.expr);
}

/** Every data link in field config and overrides, with the panel it sits on. */
export function dataLinksOf(d: Dashboard): Array<{ panel: AnyPanel; field: string; title: string; url: string }> {
  return panelsOf(d).flatMap((p) => {
    const fc = p.fieldConfig as
      | {
          defaults?: { links?: Array<{ title: string; url: string }> };
          overrides?: Array<{ matcher: { options: string }; properties: Array<{ id: string; value: unknown }> }>;
        }
      | undefined;
    const own = (fc?.defaults?.links ?? []).map((l) => ({ panel: p, field: '', ...l }));
    const overrides = (fc?.overrides ?? []).flatMap((o) =>
      o.properties
        .filter((x) => x.id === 'links')
        .flatMap((x) =>
          (x.value as Array<{ title: string; url: string }>).map((l) => ({ panel: p, field: o.matcher.options, ...l }))
        )
    );
    return [...own, ...overrides];
  });
}

export function variableNames(d: Dashboard): string[] {
  return (d.templating?.list ?? []).map((v) => v.name);
}

/**
 * PromQL as Grafana would send it for the variables' default values: All → `.*`, plus the given values for
 * single-valued variables, `$__rate_interval` → `window`.
 */
export function substitute(expr: string, values: Record<string, string>, window: string): string {
  return expr
    .replace(/\$__rate_interval/g, window)
    .replace(/\$\{?([a-zA-Z_][a-zA-Z0-9_]*)\}?/g, (m, name: string) => (name in values ? values[name] : m));
}
