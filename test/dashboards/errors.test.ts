// One definition of a failed request (src/istio/semantics.ts), checked end to end on one real Prometheus scraping
// the simulator. Per edge: the Topology view's tooltip, the Workload dashboard's inbound success rate by caller, and
// that panel in recorded mode (the recording rule's per-edge series); per service, which is what a Service
// dashboard and an SLO are about: the tooltip of its service node, the Service dashboard's success rate, the
// recording rule and the burn-rate alert's ratio, which for a service with a single caller is that edge's figure.
// They agree within 1e-6 at the same instant and equal the simulator's /truth within 1 point.
// Prometheus scrapes as Istio's docs set up Prometheus Operator (test/helpers/setups.ts), with the default selectors.
// Grafana is not run: the panel's queries go to Prometheus as Grafana's data source sends them and their answers
// become Grafana's frames (test/preview/prometheus/frames.ts), which the plugin's model reads.
import '../preview/prometheus/node-dom';

import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, validateConfig } from '../../dashboards';
import { prometheusFiles, RULES_FILE } from '../../dashboards/provisioning/prometheus';
import { type EdgeTruth, type Simulator, startSimulator } from '../../simulator';
import { ERRORS_LABEL } from '../../src/istio/semantics';
import type { TopologyOptions } from '../../src/options';
import { edgeRows, nodeRows } from '../../src/topology/Tooltip';
import { framesToGraph } from '../../src/topology/model/framesToGraph';
import type { TopologyGraph, TopologyNode } from '../../src/topology/model/types';
import { findPrometheusBinary, type Prometheus, startPrometheus } from '../helpers/prometheus';
import { setupConfig } from '../helpers/setups';
import { type PrometheusQuery, toGrafanaSeries } from '../preview/prometheus/frames';
import { fetchPrometheus } from '../preview/prometheus/query';
import { exprOf, panelByTitle, substitute } from './walk';

/** The recording rules' shortest window; the dashboards' $__rate_interval is bound to it so all read one window. */
const WINDOW = '5m';
/** An objective whose fast-burn threshold (14.4 × 0.01 %) every simulated service with errors exceeds. */
const OBJECTIVE = 0.9999;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('one error definition: topology tooltip, Service and Workload dashboards, recording rule and SLO alert', () => {
  // The recorded series' window is the dashboards' here, so raw and recorded figures read the same samples.
  const config = validateConfig({ alerts: { availabilityObjective: OBJECTIVE }, recording: { window: WINDOW } });
  const dashboards = new Map(buildDashboards(config).map((d) => [d.uid!, d]));
  const recordedWorkload = buildDashboards(validateConfig({ recording: { window: WINDOW, dashboards: true } })).find(
    (d) => d.uid === 'meshscope-workload'
  )!;
  let sim: Simulator;
  let prom: Prometheus;
  let open = false;
  let edges: EdgeTruth[];
  /** A rule evaluation instant after the data stopped moving. */
  let at: number;

  beforeAll(async () => {
    findPrometheusBinary('prometheus');
    sim = await startSimulator({ seed: 5 });
    open = true;
    prom = await startPrometheus({
      // Rules are evaluated every scrape interval; the file name is resolved beside prometheus.yml.
      config: `${setupConfig('istio-operator', sim.url)}rule_files: [${RULES_FILE}]\n`,
      files: { [RULES_FILE]: prometheusFiles(config).get(RULES_FILE)! },
    });
    await prom.waitForScrapes(1);
    await sleep(30_000);
    edges = sim.truth().edges;
    // Freezes the data: a rule evaluated while a scrape is being written can miss that scrape, a query later would
    // not. Without the simulator no new samples arrive (staleness markers do, which range selectors skip), so every
    // evaluation from a few seconds on sees exactly what a query at its instant sees.
    await sim.close();
    open = false;
    await sleep(5_000);
    at = await prom.queryValue('max(timestamp(service:istio_request_errors:ratio_rate5m))');
  }, 120_000);

  afterAll(async () => {
    await prom?.stop();
    if (open) {
      await sim.close();
    }
  });

  const query = async (expr: string) => prom.query(expr, at);
  /** Firing and pending alerts with the value of their expression at the last evaluation (full precision). */
  const firing = async () => {
    const res = await fetch(`${prom.url}/api/v1/alerts`);
    const body = (await res.json()) as { data: { alerts: Array<{ labels: Record<string, string>; value: string }> } };
    return body.data.alerts.map((a) => ({ labels: a.labels, value: Number(a.value) }));
  };
  const bound = (d: Dashboard, title: string, vars: Record<string, string>) =>
    substitute(exprOf(d, title), { cluster: '.*', ...vars }, WINDOW);

  /** The Mesh dashboard's topology panel, its queries answered by Prometheus and read by the plugin's model. */
  const topology = async (options: Partial<TopologyOptions>): Promise<TopologyGraph> => {
    const panel = panelByTitle(dashboards.get('meshscope-mesh')!, 'Mesh topology');
    const results = await Promise.all(
      (panel.targets ?? []).map(async (t) => {
        const q: PrometheusQuery = {
          refId: String(t.refId),
          expr: substitute(String(t.expr), { cluster: '.*', namespace: '.*' }, WINDOW),
          format: 'table',
          instant: true,
        };
        return {
          query: q,
          response: await fetchPrometheus(prom.url, q, { from: at * 1000, to: at * 1000, stepMs: 15_000 }),
        };
      })
    );
    const panelOptions = (panel.options as { topology: TopologyOptions }).topology;
    return framesToGraph(toGrafanaSeries(results), { ...panelOptions, ...options });
  };
  /** The error share as the tooltip prints it, and the figure it prints it from. */
  const tooltipShare = (rows: Array<[string, string]>, share: number | undefined) => {
    expect(Object.fromEntries(rows)[ERRORS_LABEL]).toMatch(/%$/);
    return share!;
  };

  /** The error share each truth edge's tooltip shows, on a graph of workload nodes. */
  const edgeShares = (graph: TopologyGraph) => {
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    // A caller outside the mesh is its cluster's "unknown" node.
    const same = (n: TopologyNode | undefined, end: { workload: string; namespace: string } | null) =>
      end === null ? n?.special === 'unknown' : n?.workload === end.workload && n.namespace === end.namespace;
    return (e: EdgeTruth) => {
      const edge = graph.edges.find(
        (g) =>
          g.protocol === e.protocol && same(nodes.get(g.source), e.source) && same(nodes.get(g.target), e.destination!)
      );
      expect({ edge: e.id, drawn: edge !== undefined }).toEqual({ edge: e.id, drawn: true });
      return tooltipShare(edgeRows(edge!), edge!.errorShare);
    };
  };

  const within1e6 = (key: string, figures: Record<string, number>) => {
    const spread = Math.max(...Object.values(figures)) - Math.min(...Object.values(figures));
    expect({ key, ...figures, spread: spread <= 1e-6 ? 'within 1e-6' : spread }).toEqual({
      key,
      ...figures,
      spread: 'within 1e-6',
    });
  };
  /** HTTP and gRPC edges into a workload whose sidecar or waypoint reports them, callers outside the mesh included. */
  const served = () =>
    edges.filter((e) => e.protocol !== 'tcp' && e.destination && e.reporters.some((r) => r !== 'source') && e.rate > 0);

  test('every simulated edge with an error definition is checked: the others are TCP or leave the mesh', () => {
    const checked = new Set(served());
    const others = edges.filter((e) => !checked.has(e));
    expect(others.filter((e) => e.protocol !== 'tcp' && e.destination && e.rate > 0).map((e) => e.id)).toEqual([]);
    // Egress (PassthroughCluster, BlackHoleCluster) has no destination workload or service dashboard to compare with.
    expect(others.every((e) => e.protocol === 'tcp' || e.egress !== null)).toBe(true);
    expect(served().some((e) => !e.source)).toBe(true);
  });

  test('the simulator sends what the definition counts: 5xx, response code 0 and gRPC statuses other than OK', async () => {
    const rate = async (matchers: string) =>
      (await query(`sum(rate(istio_requests_total{${matchers}}[${WINDOW}]))`))[0]?.value ?? 0;
    expect(await rate('response_code=~"5.."')).toBeGreaterThan(0);
    expect(await rate('response_code="0"')).toBeGreaterThan(0);
    expect(await rate('request_protocol="grpc", response_code="200", grpc_response_status!~"0|"')).toBeGreaterThan(0);
    // Where a 5xx-only count would be wrong by more than the 1-point tolerance: gRPC failures answer 200.
    expect(served().some((e) => e.errorShare - e.http5xxShare > 0.01)).toBe(true);
  });

  test('per edge: the tooltip, the Workload dashboard\'s "Success rate by caller" raw and recorded agree and equal /truth', async () => {
    const share = edgeShares(await topology({ serviceNodes: false }));
    const workload = dashboards.get('meshscope-workload')!;
    const checked: string[] = [];
    for (const e of served()) {
      const tooltip = share(e);
      const byCaller = async (d: Dashboard) => {
        const rows = await query(
          bound(d, 'Success rate by caller', { namespace: e.destination!.namespace, workload: e.destination!.workload })
        );
        const row = rows.filter((r) =>
          e.source
            ? r.metric.source_workload === e.source.workload &&
              r.metric.source_workload_namespace === e.source.namespace
            : r.metric.source_workload === 'unknown'
        );
        expect({ edge: e.id, rows: row.length }).toEqual({ edge: e.id, rows: 1 });
        return 1 - row[0].value;
      };
      within1e6(e.id, { tooltip, dashboard: await byCaller(workload), recorded: await byCaller(recordedWorkload) });
      expect({ edge: e.id, tooltip, truth: e.errorShare, ok: Math.abs(tooltip - e.errorShare) <= 0.01 }).toMatchObject({
        ok: true,
      });
      checked.push(e.id);
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  /** Rate-weighted error share of truth edges. */
  const truthShare = (into: EdgeTruth[]) =>
    into.reduce((s, e) => s + e.rate * e.errorShare, 0) / into.reduce((s, e) => s + e.rate, 0);
  const serviceNodes = (graph: TopologyGraph, name: string) => {
    const [short, namespace] = name.split('.');
    return graph.nodes.filter((n) => n.kind === 'service' && n.service === short && n.namespace === namespace);
  };

  test('per service and cluster: its tooltip, the recording rule, the burn alert and, for a single caller, its edge agree and equal /truth', async () => {
    const graph = await topology({ serviceNodes: true });
    const share = edgeShares(await topology({ serviceNodes: false }));
    const recorded = await query('service:istio_request_errors:ratio_rate5m');
    const alerts = (await firing()).filter((a) => a.labels.alertname === 'MeshscopeServiceErrorBudgetBurnFast');
    const threshold = 14.4 * (1 - OBJECTIVE);
    const mesh = sim.topology;
    const clusterOf = (workload: string, namespace: string) =>
      mesh.workloads.find((w) => w.name === workload && w.namespace === namespace)?.cluster ?? mesh.clusters![0];
    // The rules group by the cluster the serving proxy was scraped in, the model by destination_cluster: a service
    // with workloads in two clusters is two service nodes and two recorded series.
    const services = new Map<string, { name: string; cluster: string; into: EdgeTruth[] }>();
    for (const e of served()) {
      const cluster = clusterOf(e.destination!.workload, e.destination!.namespace);
      const key = `${cluster}/${e.destination!.service}`;
      const entry = services.get(key) ?? { name: e.destination!.service, cluster, into: [] };
      entry.into.push(e);
      services.set(key, entry);
    }
    expect(new Set([...services.values()].map((s) => s.cluster)).size).toBe(2);
    for (const [key, { name, cluster, into }] of services) {
      const truth = truthShare(into);
      const nodes = serviceNodes(graph, name).filter((n) => n.cluster === cluster);
      const rule = recorded.filter((r) => r.metric.destination_service === name && r.metric.cluster === cluster);
      expect({ key, nodes: nodes.length, rule: rule.length }).toEqual({ key, nodes: 1, rule: 1 });
      const tooltip = tooltipShare(nodeRows(nodes[0]), nodes[0].errorShare);
      const alert = alerts.filter((a) => a.labels.destination_service === name && a.labels.cluster === cluster);
      expect({ key, fires: alert.length === 1 }).toEqual({ key, fires: truth > 2 * threshold });
      within1e6(key, {
        tooltip,
        rule: rule[0].value,
        ...(alert.length === 1 ? { alert: alert[0].value } : {}),
        // A service with one caller: its figures are that edge's.
        ...(into.length === 1 ? { edge: share(into[0]) } : {}),
      });
      expect({ key, tooltip, truth, ok: Math.abs(tooltip - truth) <= 0.01 }).toMatchObject({ ok: true });
    }
    expect(alerts.length).toBeGreaterThanOrEqual(3);
  });

  test('per service: the Service dashboard\'s "Success rate" and the tooltips of its service nodes agree and equal /truth', async () => {
    const graph = await topology({ serviceNodes: true });
    const service = dashboards.get('meshscope-service')!;
    const names = [...new Set(served().map((e) => e.destination!.service))];
    for (const name of names) {
      const nodes = serviceNodes(graph, name);
      expect({ name, nodes: nodes.length > 0 }).toEqual({ name, nodes: true });
      // All clusters: the tooltips' shares weighted by the requests each node received.
      const shares = nodes.map((n) => tooltipShare(nodeRows(n), n.errorShare));
      const tooltip = nodes.reduce((s, n, i) => s + n.inRate * shares[i], 0) / nodes.reduce((s, n) => s + n.inRate, 0);
      const headline = await query(bound(service, 'Success rate', { namespace: name.split('.')[1], service: name }));
      expect({ name, series: headline.length }).toEqual({ name, series: 1 });
      within1e6(name, { tooltip, dashboard: 1 - headline[0].value });
      const truth = truthShare(served().filter((e) => e.destination!.service === name));
      expect({ name, tooltip, truth, ok: Math.abs(tooltip - truth) <= 0.01 }).toMatchObject({ ok: true });
    }
    expect(names.length).toBeGreaterThanOrEqual(7);
  });
});
