// Every dashboard on VictoriaMetrics, fed as a multi-cluster mesh feeds it (test/helpers/multicluster.ts: one
// Prometheus per cluster, the cluster label from external_labels, remote_write), beside a reference Prometheus that
// scrapes the same simulator as test/dashboards/prometheus.test.ts does. Raw and recorded dashboards alike: the
// recorded series are what vmalert records into VictoriaMetrics, and what the reference Prometheus records itself.
//
// MetricsQL differs from PromQL by design in ways these queries do not meet (see README "VictoriaMetrics"):
// - rate() and increase() do not extrapolate to the window's ends; over a steady counter both are within 2 % of
//   /truth (checked below for the headline figures), so no query is written differently;
// - histogram_quantile() interpolates within a bucket as Prometheus does; only the data presence is compared,
//   the quantile values are tested against Prometheus in test/histogram/;
// - labels per series: VictoriaMetrics keeps 30 by default and silently drops the rest; Istio's request series
//   have more once Prometheus adds its target labels, which breaks the reporter de-duplication (every request
//   counted twice), so -maxLabelsPerTimeseries must be raised (the test below shows both);
// - the cluster label: VictoriaMetrics holds what each cluster's Prometheus wrote, with its external label, so the
//   `cluster` variable lists both clusters from label_values() exactly as on a Prometheus with a cluster target label.
import '../preview/prometheus/node-dom';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, DEFAULT_CONFIG, validateConfig } from '../../dashboards';
import { ruleGroups } from '../../dashboards/provisioning/rules';
import { toYaml } from '../../dashboards/provisioning/yaml';
import { DEFAULT_OPTIONS } from '../../src/options';
import { framesToGraph } from '../../src/topology/model/framesToGraph';
import { layoutInput } from '../../src/topology/layout/fromGraph';
import type { EdgeTruth } from '../../simulator';
import { type Bed, startBed } from '../helpers/multicluster';
import { MAX_LABELS } from '../helpers/victoriametrics';
import { sleep } from '../helpers/process';
import { type Prometheus, scrapeConfig, startPrometheus } from '../helpers/prometheus';
import type { QueryApi } from '../helpers/promApi';
import { toGrafanaSeries } from '../preview/prometheus/frames';
import { fetchPrometheus } from '../preview/prometheus/query';
import { candidates, defaults } from './candidates';
import { countedAsTcp } from './tcpTruth';
import { exprOf, panelByTitle, substitute, targetsOf } from './walk';

const WINDOW = '30s';
/** Recorded mode with a window the test can fill in seconds (the shipped 1m would need a minute more). */
const RECORDED = validateConfig({ recording: { dashboards: true, window: '20s' } });
const RULES = toYaml({ groups: ruleGroups(RECORDED) });

describe('dashboards on VictoriaMetrics fed by one Prometheus per cluster', () => {
  let bed: Bed;
  let reference: Prometheus;
  let at: number;
  let edges: EdgeTruth[];
  const modes = [
    { mode: 'raw', dashboards: buildDashboards(DEFAULT_CONFIG) },
    { mode: 'recorded', dashboards: buildDashboards(RECORDED) },
  ];

  beforeAll(async () => {
    bed = await startBed({ rules: RULES });
    reference = await startPrometheus({
      config: `${scrapeConfig({ sdUrl: `${bed.sim.url}/sd` })}rule_files: [rules.yaml]\n`,
      files: { 'rules.yaml': RULES },
    });
    await reference.waitForScrapes(1);
    await sleep(33_000); // fill the 30 s rate window
    // A few seconds back: what each Prometheus has written by now has reached VictoriaMetrics and is visible.
    at = Date.now() / 1000 - 4;
    edges = bed.sim.truth().edges;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([reference?.stop(), bed?.stop()]);
  });

  const hasData = async (api: QueryApi, expr: string) =>
    (await api.query(expr, at)).some((x) => !Number.isNaN(x.value));

  test.each(['raw', 'recorded'])(
    'every %s dashboard target returns data on VictoriaMetrics wherever it does on Prometheus',
    async (mode) => {
      // Each distinct query once (variable values often give the same text), a few at a time.
      const where = new Map<string, string>();
      for (const d of modes.find((m) => m.mode === mode)!.dashboards) {
        for (const t of targetsOf(d)) {
          for (const values of candidates(d)) {
            const expr = substitute(t.expr, values, WINDOW);
            if (!where.has(expr)) {
              where.set(expr, `${t.uid} "${t.panel}" ${t.refId} ${JSON.stringify(values)}`);
            }
          }
        }
      }
      const missing: string[] = [];
      let compared = 0;
      const exprs = [...where.keys()];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let expr = exprs.pop(); expr !== undefined; expr = exprs.pop()) {
            if (!(await hasData(reference, expr))) {
              continue;
            }
            compared++;
            const vm = await hasData(bed.vm, expr).catch((e: Error) => e.message);
            if (vm !== true) {
              missing.push(`${where.get(expr)}: ${vm || 'no data'}: ${expr}`);
            }
          }
        })
      );
      expect(missing).toEqual([]);
      expect(compared).toBeGreaterThan(100);
    },
    240_000
  );

  test('Istio series carry more labels than VictoriaMetrics keeps by default (30); with MAX_LABELS none is dropped', async () => {
    const res = await fetch(
      `${reference.url}/api/v1/series?${new URLSearchParams({ 'match[]': 'istio_requests_total', start: String(at - 60), end: String(at) })}`
    );
    const series = ((await res.json()) as { data: Array<Record<string, string>> }).data;
    // Every label VictoriaMetrics stores counts, __name__ and the cluster Prometheus adds on the way included.
    const most = Math.max(...series.map((x) => Object.keys(x).length + (x.cluster === undefined ? 1 : 0)));
    expect(most).toBeGreaterThan(30);
    expect(most).toBeLessThanOrEqual(MAX_LABELS);
    expect(await bed.vm.selfMetric('vm_metrics_with_dropped_labels_total')).toBe(0);
  });

  test('every label_values() variable lists the same values on VictoriaMetrics as on Prometheus, both clusters included', async () => {
    const differ: string[] = [];
    for (const d of modes[0].dashboards) {
      for (const v of d.templating?.list ?? []) {
        const m = /^label_values\((.*), (\w+)\)$/.exec(String(v.query ?? ''));
        if (!m) {
          continue;
        }
        const match = substitute(m[1], defaults(d), WINDOW);
        const [p, vm] = await Promise.all(
          [reference, bed.vm].map(async (api) => (await api.labelValues(m[2], match, at - 300, at)).sort())
        );
        if (JSON.stringify(p) !== JSON.stringify(vm)) {
          differ.push(`${d.uid} $${v.name}: Prometheus ${JSON.stringify(p)}, VictoriaMetrics ${JSON.stringify(vm)}`);
        }
      }
    }
    expect(differ).toEqual([]);
    const clusters = await bed.vm.labelValues('cluster', 'istio_requests_total', at - 300, at);
    expect(clusters.sort()).toEqual([...bed.clusters].sort());
  });

  /** A single-valued target's value on VictoriaMetrics. */
  const stat = async (d: Dashboard, title: string, vars: Record<string, string> = {}) => {
    const expr = substitute(exprOf(d, title), { ...defaults(d), ...vars }, WINDOW);
    const r = await bed.vm.query(expr, at);
    if (r.length !== 1) {
      throw new Error(`${d.uid} "${title}": expected one series on VictoriaMetrics, got ${r.length}: ${expr}`);
    }
    return r[0].value;
  };
  const within2 = (what: string, actual: number, expected: number) =>
    expect({ what, actual, expected, ok: expected > 0 && Math.abs(actual / expected - 1) <= 0.02 }).toEqual({
      what,
      actual,
      expected,
      ok: true,
    });

  test.each(['raw', 'recorded'])(
    '%s Mesh and Service headline figures on VictoriaMetrics are within 2 %% of /truth',
    async (mode) => {
      const dashboards = modes.find((m) => m.mode === mode)!.dashboards;
      const mesh = dashboards.find((d) => d.uid === 'meshscope-mesh')!;
      const service = dashboards.find((d) => d.uid === 'meshscope-service')!;
      const http = edges.filter((e) => e.protocol !== 'tcp' && e.reporters.length > 0);
      const sum = (es: EdgeTruth[], f: (e: EdgeTruth) => number) => es.reduce((s, e) => s + f(e), 0);
      const rate = sum(http, (e) => e.rate);
      within2('Mesh requests', await stat(mesh, 'Requests'), rate);
      within2('Mesh success', await stat(mesh, 'Success rate'), 1 - sum(http, (e) => e.rate * e.http5xxShare) / rate);
      const tcp = edges.filter(countedAsTcp);
      within2(
        'Mesh TCP sent',
        await stat(mesh, 'TCP sent'),
        sum(tcp, (e) => e.tcp!.sentBytesPerSecond)
      );
      within2(
        'Mesh TCP received',
        await stat(mesh, 'TCP received'),
        sum(tcp, (e) => e.tcp!.receivedBytesPerSecond)
      );
      for (const name of new Set(http.filter((e) => e.destination).map((e) => e.destination!.service))) {
        const into = http.filter((e) => e.destination?.service === name);
        const vars = { namespace: name.split('.')[1], service: name };
        within2(
          `${name} requests`,
          await stat(service, 'Requests', vars),
          sum(into, (e) => e.rate)
        );
      }
    }
  );

  test('the Topology model, fed the Mesh panel’s answers from VictoriaMetrics, draws each cross-cluster edge once, namespaces grouped per cluster', async () => {
    const mesh = modes[0].dashboards.find((d) => d.uid === 'meshscope-mesh')!;
    const panel = panelByTitle(mesh, 'Mesh topology');
    const queries = (panel.targets ?? []).map((t) => ({
      refId: String(t.refId),
      expr: substitute(String(t.expr), defaults(mesh), WINDOW),
      format: 'table' as const,
      instant: true,
    }));
    const range = { from: (at - 3600) * 1000, to: at * 1000, stepMs: 15_000 };
    const results = await Promise.all(
      queries.map(async (query) => ({ query, response: await fetchPrometheus(bed.vm.url, query, range) }))
    );
    const graph = framesToGraph(toGrafanaSeries(results), { ...DEFAULT_OPTIONS.topology, ...panel.options?.topology });
    const topology = bed.sim.topology;
    const clusterOf = (namespace: string, workload: string) =>
      topology.workloads.find((w) => w.namespace === namespace && w.name === workload)?.cluster ?? bed.clusters[0];
    const node = (id: string) => graph.nodes.find((n) => n.id === id)!;

    // Every edge of /truth between workloads of two clusters, and the graph's edges between nodes of two clusters.
    const crossing = edges.filter(
      (e) =>
        e.source &&
        e.destination &&
        e.reporters.length > 0 &&
        clusterOf(e.source.namespace, e.source.workload) !== clusterOf(e.destination.namespace, e.destination.workload)
    );
    expect(crossing.length).toBeGreaterThan(0);
    const drawn = graph.edges.filter(
      (e) =>
        node(e.source).workload !== '' &&
        node(e.target).workload !== '' &&
        node(e.source).cluster !== node(e.target).cluster
    );
    const key = (from: string, fromCluster: string, to: string, toCluster: string) =>
      `${fromCluster}/${from} -> ${toCluster}/${to}`;
    expect(
      drawn
        .map((e) =>
          key(node(e.source).workload, node(e.source).cluster, node(e.target).workload, node(e.target).cluster)
        )
        .sort()
    ).toEqual(
      crossing
        .map((e) =>
          key(
            e.source!.workload,
            clusterOf(e.source!.namespace, e.source!.workload),
            e.destination!.workload,
            clusterOf(e.destination!.namespace, e.destination!.workload)
          )
        )
        .sort()
    );
    for (const e of crossing) {
      const found = drawn.find(
        (d) => node(d.source).workload === e.source!.workload && node(d.target).workload === e.destination!.workload
      )!;
      within2(`${e.id} rate`, found.rate, e.rate);
    }

    // Each workload sits in the group of its own cluster's namespace; a namespace in both clusters is two groups.
    const groups = new Map(layoutInput(graph, false).nodes.map((n) => [n.id, n.group]));
    const misplaced = graph.nodes
      .filter((n) => n.kind === 'workload' && n.special === undefined)
      .filter((n) => groups.get(n.id) !== `${clusterOf(n.namespace, n.workload)}/${n.namespace}`)
      .map((n) => `${n.id} in ${groups.get(n.id)}`);
    expect(misplaced).toEqual([]);
    const both = [...new Set(topology.workloads.map((w) => w.namespace))].filter(
      (ns) =>
        new Set(topology.workloads.filter((w) => w.namespace === ns).map((w) => w.cluster ?? bed.clusters[0])).size > 1
    );
    expect(both.length).toBeGreaterThan(0);
    for (const ns of both) {
      const inGraph = new Set([...groups.values()].filter((g) => g.endsWith(`/${ns}`)));
      expect([...inGraph].sort()).toEqual(bed.clusters.map((c) => `${c}/${ns}`).sort());
    }
  });
});
