/**
 * Runs a dashboard's queries against a Prometheus-compatible store as Grafana would (variables resolved by
 * ./templating, step and `$__rate_interval` per panel by ./geometry), at a fixed instant, counting the samples each
 * touched (Prometheus's stats=all; stores without query statistics count 0) or timing a load.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { type TargetRef, targetsOf } from '../../test/dashboards/walk';
import { queryGeometry } from './geometry';
import {
  applyRegex,
  builtins,
  interpolate,
  type Picked,
  queryResultLine,
  resolveVariables,
  type TemplateVariable,
} from './templating';

/** The view a dashboard is evaluated in, and how it is compressed into the history a bench has. */
export interface ViewGeometry {
  /** Grafana's time range. */
  viewMs: number;
  /** The data source's scrape interval (timeInterval), which sets the minimum step and `$__rate_interval`. */
  scrapeInterval: string;
  /** Factor on each rate window (1: as Grafana sends it). */
  windowScale: number;
  /** Factor on each step (1: as Grafana sends it). */
  stepScale: number;
  /** The history label_values variables look back over. */
  rangeMs: number;
}

const duration = (ms: number) => `${Math.round(ms)}ms`;

interface Result {
  resultType: string;
  result: Array<{ metric: Record<string, string>; value?: [number, string]; values?: unknown[] }>;
}

export class DashboardRunner {
  constructor(
    private readonly storeUrl: string,
    private readonly end: number,
    private readonly view: ViewGeometry
  ) {}

  /** One query with its statistics. */
  async run(params: Record<string, string>, instant: boolean): Promise<{ samples: number; data: Result }> {
    const res = await fetch(`${this.storeUrl}/api/v1/${instant ? 'query' : 'query_range'}`, {
      method: 'POST',
      body: new URLSearchParams({ ...params, stats: 'all' }),
    });
    const text = await res.text();
    let body: {
      status: string;
      error?: string;
      data: Result & { stats?: { samples?: { totalQueryableSamples?: number } } };
    };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${params.query}: HTTP ${res.status}: ${text.slice(0, 500)}`);
    }
    if (body.status !== 'success') {
      throw new Error(`${params.query}: ${body.error}`);
    }
    return { samples: body.data.stats?.samples?.totalQueryableSamples ?? 0, data: body.data };
  }

  /** A panel query as Grafana sends it, in the view's geometry. */
  async target(t: TargetRef, vars: Map<string, string>) {
    const g = queryGeometry(t, this.view.viewMs, this.view.scrapeInterval);
    if (/\$\{?__range/.test(t.expr)) {
      throw new Error(`${t.uid} "${t.panel}": $__range would need the view's whole history`);
    }
    const query = builtins(interpolate(t.expr, vars), {
      interval: duration(g.stepMs * this.view.windowScale),
      rateInterval: duration(g.rateIntervalMs * this.view.windowScale),
      range: '',
    });
    const step = (g.stepMs * this.view.stepScale) / 1000;
    const { samples, data } = t.instant
      ? await this.run({ query, time: String(this.end) }, true)
      : await this.run(
          { query, start: String(this.end - (g.points - 1) * step), end: String(this.end), step: String(step) },
          false
        );
    return { samples, hasData: data.result.length > 0 };
  }

  /** Options of a variable, as Grafana's Prometheus variable support finds them, and the samples that took. */
  async options(v: TemplateVariable, query: string, spent: { samples: number }): Promise<string[]> {
    if (v.type === 'custom') {
      return query.split(',').map((s) => s.trim());
    }
    const result = /^query_result\((.*)\)$/s.exec(query.trim());
    if (result) {
      const { samples, data } = await this.run({ query: result[1], time: String(this.end) }, true);
      spent.samples += samples;
      return applyRegex(
        v,
        data.result.map((s) => queryResultLine(s.metric, s.value!))
      );
    }
    const labels = /^label_values\((?:(.*),\s*)?(\w+)\)$/s.exec(query.trim());
    if (!labels) {
      throw new Error(`variable ${v.name}: unsupported query ${query}`);
    }
    const params = new URLSearchParams({ start: String(this.end - this.view.rangeMs / 1000), end: String(this.end) });
    if (labels[1]) {
      params.set('match[]', labels[1]);
    }
    const res = await fetch(`${this.storeUrl}/api/v1/label/${labels[2]}/values?${params}`);
    return applyRegex(v, ((await res.json()) as { data: string[] }).data);
  }

  /** Samples on load and with every row opened, queries with data (every row opened). */
  async dashboard(d: Dashboard, pinned: Record<string, Picked>) {
    const spent = { samples: 0 };
    const vars = await this.variables(d, pinned, spent);
    const targets = targetsOf(d);
    let load = spent.samples;
    let opened = spent.samples;
    let withData = 0;
    for (const t of targets) {
      const r = await this.target(t, vars);
      opened += r.samples;
      load += t.onLoad ? r.samples : 0;
      withData += r.hasData ? 1 : 0;
    }
    return { queries: targets.length, load, opened, dataShare: withData / targets.length };
  }

  async loadOnly(d: Dashboard, pinned: Record<string, Picked>): Promise<number> {
    return (await this.dashboard({ ...d, panels: (d.panels ?? []).filter((p) => p.type !== 'row') }, pinned)).load;
  }

  /**
   * Wall time of opening the dashboard: its variables in order, then every panel query outside collapsed rows at
   * once, as Grafana sends the panels in view together; and how many of those queries returned data.
   */
  async loadTime(d: Dashboard, pinned: Record<string, Picked>) {
    const started = performance.now();
    const vars = await this.variables(d, pinned, { samples: 0 });
    const targets = targetsOf(d).filter((t) => t.onLoad);
    const results = await Promise.all(targets.map((t) => this.target(t, vars)));
    return {
      ms: performance.now() - started,
      queries: targets.length,
      withData: results.filter((r) => r.hasData).length,
    };
  }

  private variables(d: Dashboard, pinned: Record<string, Picked>, spent: { samples: number }) {
    return resolveVariables((d.templating?.list ?? []) as TemplateVariable[], pinned, (v, q) =>
      this.options(v, q, spent)
    );
  }
}
