// The generated dashboards as data: schema-valid, deterministic, described, scoped by cluster, linked by uid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OPTIONS } from '../../src/options';
import { DASHBOARD_UID } from '../../src/dashboardUids';
import { buildDashboards, DASHBOARDS, DEFAULT_CONFIG, generatedFiles, validateConfig } from '../../dashboards';
import { compileSchema } from '../helpers/schemas';
import { dashboardValidator } from './schema';
import { dataLinksOf, loadedTargetsOf, panelsOf, rowsOf, type TargetRef, targetsOf, variableNames } from './walk';

const dashboards = buildDashboards(DEFAULT_CONFIG);
const byUid = new Map(dashboards.map((d) => [d.uid!, d]));

describe('generated dashboards', () => {
  test('all ten, each with a fixed uid, validate against the dashboard schema; every target against the Prometheus query schema', () => {
    expect([...byUid.keys()]).toEqual(DEFAULT_CONFIG.dashboards);
    const dashboard = dashboardValidator();
    const query = compileSchema('grafana-query-prometheus.schema.json');
    // As Grafana reads them: the JSON text (the SDK's objects carry function-valued markers JSON drops).
    for (const d of dashboards.map((x) => JSON.parse(JSON.stringify(x)) as typeof x)) {
      expect({ uid: d.uid, errors: dashboard(d) ? null : dashboard.errors }).toEqual({ uid: d.uid, errors: null });
      for (const p of panelsOf(d)) {
        for (const t of p.targets ?? []) {
          expect({ panel: p.title, errors: query(t) ? null : query.errors }).toEqual({ panel: p.title, errors: null });
        }
      }
    }
  });

  test('the committed provisioning files are exactly what the builders produce (the CI drift check), byte-stable across runs', () => {
    const files = generatedFiles(DEFAULT_CONFIG);
    expect(generatedFiles(DEFAULT_CONFIG)).toEqual(files);
    for (const [name, text] of files) {
      expect({
        name,
        same: readFileSync(join(__dirname, '../../provisioning/dashboards', name), 'utf8') === text,
      }).toEqual({ name, same: true });
    }
  });

  test('every panel: description, unit, the data-source variable, unique id; every row has a unique id', () => {
    for (const d of dashboards) {
      const ids = [...panelsOf(d), ...rowsOf(d)].map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of panelsOf(d)) {
        expect({ uid: d.uid, panel: p.title, description: (p.description ?? '').length > 20 }).toEqual({
          uid: d.uid,
          panel: p.title,
          description: true,
        });
        expect({ panel: p.title, ds: p.datasource }).toEqual({
          panel: p.title,
          ds: { type: 'prometheus', uid: '${datasource}' },
        });
        const unit =
          (p.fieldConfig?.defaults as { unit?: string } | undefined)?.unit ??
          (p.fieldConfig?.defaults?.custom as { unit?: string } | undefined)?.unit ??
          (p.options as { yAxis?: { unit?: string } } | undefined)?.yAxis?.unit;
        expect({ panel: p.title, unit: typeof unit === 'string' && unit !== '' }).toEqual({
          panel: p.title,
          unit: true,
        });
      }
    }
  });

  test('every dashboard has datasource and cluster variables; namespace/service/workload are chained through label_values', () => {
    for (const d of dashboards) {
      expect(variableNames(d).slice(0, 2)).toEqual(['datasource', 'cluster']);
    }
    const q = (uid: string, name: string) =>
      String(byUid.get(uid)!.templating!.list!.find((v) => v.name === name)!.query);
    expect(q('meshscope-service', 'service')).toMatch(
      /^label_values\(\{.*cluster=~"\$cluster", destination_service_namespace="\$namespace"\}, destination_service\)$/
    );
    expect(q('meshscope-workload', 'workload')).toMatch(
      /^label_values\(.*cluster=~"\$cluster".*destination_workload_namespace="\$namespace".*, destination_workload\)$/
    );
    expect(q('meshscope-mesh', 'namespace')).toMatch(
      /^label_values\(\{.*cluster=~"\$cluster"\}, destination_workload_namespace\)$/
    );
  });

  test('PromQL: rate over $__rate_interval, never irate; every selector honours the cluster variable; one histogram_quantile per series', () => {
    for (const t of dashboards.flatMap(targetsOf)) {
      const where = `${t.uid} "${t.panel}" ${t.refId}`;
      expect({ where, irate: /\birate\s*\(/.test(t.expr) }).toEqual({ where, irate: false });
      // The Setup check's rate-window check counts samples in the recording rules' window too.
      const windows = ['[$__rate_interval]'];
      if (t.uid === 'meshscope-setup' && t.panel === 'Rate windows') {
        windows.push(`[${DEFAULT_CONFIG.recording.window}]`);
      }
      // Windows outside quoted strings: a label_replace regex may hold a character class.
      for (const w of t.expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/\[[^\]]*\]/g) ?? []) {
        expect({ where, window: windows.includes(w) ? 'allowed' : w }).toEqual({ where, window: 'allowed' });
      }
      const selectors = t.expr.match(/\{[^{}]*\}/g) ?? [];
      expect({ where, selectors: selectors.length > 0 }).toEqual({ where, selectors: true });
      for (const s of selectors) {
        expect({ where, s, cluster: s.includes('cluster=~"$cluster"') }).toEqual({ where, s, cluster: true });
      }
      // A bare metric name before a range (no braces) would escape the cluster scope.
      expect({ where, bare: /[a-z_]\[\$__rate_interval\]/.test(t.expr) }).toEqual({ where, bare: false });
      expect({ where, quantiles: (t.expr.match(/histogram_quantile/g) ?? []).length <= 1 }).toEqual({
        where,
        quantiles: true,
      });
    }
  });

  test('tables are instant queries; heavy sections start collapsed', () => {
    for (const d of dashboards) {
      for (const p of panelsOf(d).filter((x) => x.type === 'table')) {
        expect({
          panel: p.title,
          instant: (p.targets ?? []).every((t) => t.instant === true && t.format === 'table'),
        }).toEqual({ panel: p.title, instant: true });
      }
    }
    const collapsed = (uid: string) =>
      rowsOf(byUid.get(uid)!)
        .filter((r) => r.collapsed)
        .map((r) => r.title);
    expect(collapsed('meshscope-workload')).toContain('Outbound by destination');
    expect(collapsed('meshscope-performance').length).toBeGreaterThanOrEqual(3);
  });

  test('Performance on load counts one Istio metric once (the mesh request rate); Bytes through the proxies waits in a collapsed row', () => {
    // Counting a metric once reads every reporter's series of it: the costliest thing a dashboard can run on load.
    const d = byUid.get('meshscope-performance')!;
    const deduplicated = (ts: TargetRef[]) =>
      [
        ...new Set(ts.flatMap((t) => [...t.expr.matchAll(/(istio_[a-z_]+)\{reporter="source"/g)].map((m) => m[1]))),
      ].sort();
    expect(deduplicated(loadedTargetsOf(d))).toEqual(['istio_requests_total']);
    expect(deduplicated(targetsOf(d))).toEqual([
      'istio_request_bytes_sum',
      'istio_requests_total',
      'istio_response_bytes_sum',
    ]);
    const bytesRow = rowsOf(d).find((r) => (r.panels ?? []).some((p) => p.title === 'Bytes through the proxies'));
    expect({ row: bytesRow?.title, collapsed: bytesRow?.collapsed }).toEqual({
      row: 'Traffic through the proxies',
      collapsed: true,
    });
  });

  test('a min interval only on the two Performance panels that count every request once', () => {
    const withInterval = dashboards.flatMap((d) =>
      panelsOf(d)
        .filter((p) => p.interval)
        .map((p) => ({ uid: d.uid, panel: p.title, interval: p.interval }))
    );
    expect(withInterval).toEqual([
      { uid: 'meshscope-performance', panel: 'vCPU per 1k requests/s', interval: '1m' },
      { uid: 'meshscope-performance', panel: 'Bytes through the proxies', interval: '1m' },
    ]);
  });

  test('dashboard links go by uid to dashboards that exist, keeping time range and variables', () => {
    for (const d of dashboards) {
      expect(d.links?.length).toBe(dashboards.length - 1);
      for (const l of d.links ?? []) {
        const uid = /^\/d\/([^/?]+)$/.exec(l.url ?? '')?.[1];
        expect({
          from: d.uid,
          url: l.url,
          exists: uid !== undefined && byUid.has(uid) && uid !== d.uid,
          type: l.type,
          includeVars: l.includeVars,
          keepTime: l.keepTime,
        }).toEqual({
          from: d.uid,
          url: l.url,
          exists: true,
          type: 'link',
          includeVars: true,
          keepTime: true,
        });
      }
    }
  });

  test('the dashboards table: one row per uid, in the generated order; titles and header links come from its rows', () => {
    expect(DASHBOARDS.map((d) => d.uid)).toEqual(Object.values(DASHBOARD_UID));
    expect(DEFAULT_CONFIG.dashboards).toEqual(Object.values(DASHBOARD_UID));
    expect(dashboards.map((d) => ({ uid: d.uid, title: d.title }))).toEqual(
      DASHBOARDS.map((d) => ({ uid: d.uid, title: d.title }))
    );
    const title = new Map(DASHBOARDS.map((d) => [d.uid as string, d.title]));
    for (const d of dashboards) {
      for (const l of d.links ?? []) {
        expect({ url: l.url, title: l.title }).toEqual({ url: l.url, title: title.get(l.url!.slice('/d/'.length)) });
      }
    }
    // A selection links only within itself, in the selection's order.
    const two = buildDashboards(validateConfig({ dashboards: ['meshscope-wasm', 'meshscope-mesh'] }));
    expect(two.map((d) => [d.uid, (d.links ?? []).map((l) => l.url)])).toEqual([
      ['meshscope-wasm', ['/d/meshscope-mesh']],
      ['meshscope-mesh', ['/d/meshscope-wasm']],
    ]);
  });

  test("table-cell data links resolve to an existing uid and pass datasource, cluster, time range and the target's own variables from row labels", () => {
    const links = dashboards.flatMap((d) => dataLinksOf(d).map((l) => ({ ...l, from: d })));
    expect(links.length).toBeGreaterThanOrEqual(4);
    const promised: Record<string, string[]> = {
      'meshscope-service': ['namespace', 'service'],
      'meshscope-workload': ['namespace', 'workload'],
    };
    for (const l of links) {
      const m = /^\/d\/([^?]+)\?(.*)$/.exec(l.url);
      expect(m).not.toBeNull();
      const [, uid, query] = m!;
      const target = byUid.get(uid);
      expect({ url: l.url, exists: target !== undefined }).toEqual({ url: l.url, exists: true });
      const params = query.split('&');
      expect(params).toEqual(
        expect.arrayContaining(['${datasource:queryparam}', '${cluster:queryparam}', '${__url_time_range}'])
      );
      const passed = params.flatMap((p) => /^var-([a-z]+)=/.exec(p)?.[1] ?? []);
      expect({ url: l.url, passed: passed.sort() }).toEqual({ url: l.url, passed: [...promised[uid]].sort() });
      for (const v of passed) {
        expect(variableNames(target!)).toContain(v);
      }
      // Each value is read from a label column the table's queries group by.
      const fields = params.flatMap((p) => /\$\{__data\.fields\.([a-z_]+)\}/.exec(p)?.[1] ?? []);
      for (const f of fields) {
        for (const t of l.panel.targets ?? []) {
          expect({ url: l.url, f, grouped: new RegExp(`by \\(([^)]*\\b)?${f}\\b`).test(String(t.expr)) }).toEqual({
            url: l.url,
            f,
            grouped: true,
          });
        }
      }
    }
  });

  test('our panel: options typed by the plugin (keys the plugin knows), Topology on Mesh, Histogram on Control Plane with the configured bounds', () => {
    const ours = dashboards.flatMap((d) =>
      panelsOf(d)
        .filter((p) => p.type === 'meshscope-mesh-panel')
        .map((p) => ({ uid: d.uid, p }))
    );
    expect(ours.map((o) => `${o.uid}:${(o.p.options as { view: string }).view}`)).toEqual(
      expect.arrayContaining(['meshscope-mesh:topology', 'meshscope-control-plane:histogram'])
    );
    for (const { p } of ours) {
      const o = p.options as Record<string, Record<string, unknown>>;
      for (const section of ['histogram', 'topology'] as const) {
        for (const key of Object.keys(o[section] ?? {})) {
          expect(Object.keys(DEFAULT_OPTIONS[section])).toContain(key);
        }
      }
    }
    const convergence = ours.find((o) => o.p.title === 'Proxy convergence')!.p.options as {
      histogram: { shareBounds: number[]; percentiles: number[] };
    };
    expect(convergence.histogram.shareBounds).toEqual([0.1, 0.5, 1, 3]);
    expect(convergence.histogram.percentiles).toEqual([0.5, 0.9, 0.99]);
  });

  test('custom telemetry from config adds panels broken down by the extra metric and dimension; trace links when a traces data source is set', () => {
    const config = validateConfig({
      datasource: { tracesUid: 'tempo', tracesType: 'tempo' },
      customTelemetry: {
        metrics: [{ name: 'istio_get_calls', type: 'counter', description: 'GET calls.', unit: 'reqps' }],
        dimensions: [{ label: 'upstream_operation', description: 'Operation named by the caller.' }],
      },
    });
    const built = new Map(buildDashboards(config).map((d) => [d.uid!, d]));
    for (const uid of ['meshscope-service', 'meshscope-workload']) {
      const exprs = targetsOf(built.get(uid)!).map((t) => t.expr);
      expect(exprs.some((e) => /rate\(istio_get_calls\{/.test(e))).toBe(true);
      expect(exprs.some((e) => /sum by \(upstream_operation\)/.test(e))).toBe(true);
    }
    const mesh = built.get('meshscope-mesh')!;
    expect(variableNames(mesh)).toContain('traces');
    expect(
      dataLinksOf(mesh).some(
        (l) => l.title === 'Traces' && l.url.startsWith('/explore?') && l.url.includes('${traces}')
      )
    ).toBe(true);
  });
});
