// Every generated query against a real Prometheus scraping the simulator's default mesh: it parses, returns data
// (except for metrics the simulator does not emit, checked to be absent), and the headline figures of the Mesh and
// Service dashboards match the simulator's ground truth within 2 %, with no request counted twice.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, DEFAULT_CONFIG } from '../../dashboards';
import { type EdgeTruth, type Simulator, startSimulator } from '../../simulator';
import { findPrometheusBinary, type Prometheus, startPrometheus } from '../helpers/prometheus';
import { candidates, defaults } from './candidates';
import { exprOf, panelByTitle, substitute, targetsOf } from './walk';

const WINDOW = '30s';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Traffic the default mesh does not generate, and metrics the simulator does not emit (error counters that only
 * exist after a first error, DNS capture, xDS terminations, the null Wasm runtime). Istio's own dashboard test
 * keeps a list like this; here each entry is also checked to be really absent, so the list cannot hide a broken
 * query. A target is excused when its PromQL contains every one of `parts`.
 */
const NOT_SIMULATED: Array<{ parts: string[]; absent: string }> = [
  ...[
    'galley_validation_failed',
    'sidecar_injection_failure_total',
    'pilot_total_xds_rejects',
    'istio_dns_requests_total',
    'istio_xds_connection_terminations_total',
    'envoy_wasm_envoy_wasm_runtime_null_active',
    'envoy_wasm_envoy_wasm_runtime_null_created',
  ].map((m) => ({ parts: [`${m}{`], absent: m })),
  { parts: ['istio_requests_total{', 'response_code=~"4.."'], absent: 'istio_requests_total{response_code=~"4.."}' },
  {
    parts: ['istio_tcp_', 'source_workload=~"$gateway"'],
    absent: '{__name__=~"istio_tcp_.*", reporter="source", source_workload=~".*gateway.*"}',
  },
  {
    parts: ['istio_tcp_', 'PassthroughCluster|BlackHoleCluster'],
    absent: '{__name__=~"istio_tcp_.*", destination_service_name=~"PassthroughCluster|BlackHoleCluster"}',
  },
];

describe('dashboards against a real Prometheus scraping the simulator', () => {
  let sim: Simulator;
  let prom: Prometheus;
  let edges: EdgeTruth[];
  let at: number;
  const dashboards = new Map(buildDashboards(DEFAULT_CONFIG).map((d) => [d.uid!, d]));

  beforeAll(async () => {
    findPrometheusBinary('prometheus');
    sim = await startSimulator({ seed: 5 });
    prom = await startPrometheus({ sdUrl: `${sim.url}/sd`, scrapeInterval: '1s' });
    await prom.waitForScrapes(1);
    await sleep(33_000); // fill the 30 s rate window
    edges = sim.truth().edges;
    at = Date.now() / 1000;
  }, 90_000);

  afterAll(async () => {
    await prom?.stop();
    await sim?.close();
  });

  const value = async (expr: string, refId = 'A') => {
    const r = await prom.query(expr, at);
    if (r.length !== 1) {
      throw new Error(`${refId}: expected one series from ${expr}, got ${r.length}`);
    }
    return r[0].value;
  };
  const stat = (uid: string, title: string, vars: Record<string, string> = {}, refId = 'A') => {
    const d = dashboards.get(uid)!;
    return value(substitute(exprOf(d, title, refId), { ...defaults(d), ...vars }, WINDOW), refId);
  };
  const within2 = (actual: number, expected: number) => ({
    actual,
    expected,
    ok: expected > 0 && Math.abs(actual / expected - 1) <= 0.02,
  });

  test('every target of every dashboard parses and returns data for the default variable values', async () => {
    const empty: string[] = [];
    for (const d of dashboards.values()) {
      for (const t of targetsOf(d)) {
        let data = false;
        for (const values of candidates(d)) {
          const expr = substitute(t.expr, values, WINDOW);
          expect({ where: `${t.uid} "${t.panel}" ${t.refId}`, leftover: /\$/.test(expr) }).toEqual({
            where: `${t.uid} "${t.panel}" ${t.refId}`,
            leftover: false,
          });
          const r = await prom.query(expr, at); // throws on a parse error
          data ||= r.some((x) => !Number.isNaN(x.value));
        }
        if (!data && !NOT_SIMULATED.some((n) => n.parts.every((p) => t.expr.includes(p)))) {
          empty.push(`${t.uid} "${t.panel}" ${t.refId}: ${t.expr}`);
        }
      }
    }
    expect(empty).toEqual([]);
    for (const n of NOT_SIMULATED) {
      expect({ n: n.absent, series: (await prom.query(`count(${n.absent})`, at)).length }).toEqual({
        n: n.absent,
        series: 0,
      });
    }
  });

  test('the Mesh, Service and Workload variables offer every destination with traffic, TCP-only ones included', async () => {
    /** What Grafana lists for a label_values() variable: Prometheus's label-values API over the last five minutes. */
    const offered = async (uid: string, name: string, vars: Record<string, string>) => {
      const v = (dashboards.get(uid)!.templating?.list ?? []).find((x) => x.name === name);
      const m = /^label_values\((.*), (\w+)\)$/.exec(String(v?.query));
      if (!m) {
        throw new Error(`${uid}: variable ${name} is not a label_values() query: ${String(v?.query)}`);
      }
      const params = new URLSearchParams({
        'match[]': substitute(m[1], { cluster: '.*', ...vars }, WINDOW),
        start: String(at - 300),
        end: String(at),
      });
      const res = await fetch(`${prom.url}/api/v1/label/${m[2]}/values?${params}`);
      return ((await res.json()) as { data: string[] }).data;
    };
    const into = edges
      .filter((e) => e.destination && (e.reporters.length > 0 || e.ztunnel))
      .map((e) => ({ ...e.destination!, tcpOnly: e.protocol === 'tcp' }));
    // The default mesh has TCP-only destinations (databases), which a list built from istio_requests_total would miss.
    expect(into.some((d) => d.tcpOnly && !into.some((x) => !x.tcpOnly && x.service === d.service))).toBe(true);
    const missing: string[] = [];
    const expectOffered = (where: string, list: string[], value: string) =>
      !list.includes(value) && missing.push(`${where}: ${value}`);
    const serviceNamespaces = await offered('meshscope-service', 'namespace', {});
    const workloadNamespaces = await offered('meshscope-workload', 'namespace', {});
    const meshNamespaces = await offered('meshscope-mesh', 'namespace', {});
    for (const d of into) {
      const serviceNamespace = d.service.split('.')[1];
      expectOffered('Service namespace', serviceNamespaces, serviceNamespace);
      expectOffered(
        `Service in ${serviceNamespace}`,
        await offered('meshscope-service', 'service', { namespace: serviceNamespace }),
        d.service
      );
      expectOffered('Workload namespace', workloadNamespaces, d.namespace);
      expectOffered('Mesh namespace', meshNamespaces, d.namespace);
      expectOffered(
        `Workload in ${d.namespace}`,
        await offered('meshscope-workload', 'workload', { namespace: d.namespace }),
        d.workload
      );
    }
    expect(missing).toEqual([]);
  });

  test('Mesh: request rate, success rate and TCP bytes within 2 % of /truth', async () => {
    const http = edges.filter((e) => e.protocol !== 'tcp' && e.reporters.length > 0);
    const rate = http.reduce((s, e) => s + e.rate, 0);
    const errors = http.reduce((s, e) => s + e.rate * e.errorShare, 0);
    expect(within2(await stat('meshscope-mesh', 'Requests'), rate)).toMatchObject({ ok: true });
    expect(within2(await stat('meshscope-mesh', 'Success rate'), 1 - errors / rate)).toMatchObject({ ok: true });
    const tcp = edges.filter((e) => e.tcp !== null);
    expect(
      within2(
        await stat('meshscope-mesh', 'TCP sent'),
        tcp.reduce((s, e) => s + e.tcp!.sentBytesPerSecond, 0)
      )
    ).toMatchObject({ ok: true });
    expect(
      within2(
        await stat('meshscope-mesh', 'TCP received'),
        tcp.reduce((s, e) => s + e.tcp!.receivedBytesPerSecond, 0)
      )
    ).toMatchObject({ ok: true });
  });

  test('nothing is counted twice: summing every reporter would be far off, the de-duplicated total is not', async () => {
    const http = edges.filter((e) => e.protocol !== 'tcp' && e.reporters.length > 0);
    const rate = http.reduce((s, e) => s + e.rate, 0);
    const naive = await value(`sum(rate(istio_requests_total[${WINDOW}]))`);
    expect(naive / rate).toBeGreaterThan(1.5);
    // Per service, through the Mesh table: each row equals its truth, so no edge is in two rows or twice in one.
    const d = dashboards.get('meshscope-mesh')!;
    const rows = await prom.query(substitute(exprOf(d, 'HTTP/gRPC services', 'A'), defaults(d), WINDOW), at);
    for (const row of rows) {
      const truth = http
        .filter((e) => (e.destination?.service ?? e.egress?.host) === row.metric.destination_service)
        .reduce((s, e) => s + e.rate, 0);
      expect({ service: row.metric.destination_service, ...within2(row.value, truth) }).toMatchObject({ ok: true });
    }
    expect(rows.length).toBe(new Set(http.map((e) => e.destination?.service ?? e.egress?.host)).size);
  });

  test('Service: request rate and success rate of every HTTP service, TCP bytes of every TCP service, within 2 % of /truth', async () => {
    const services = new Set(
      edges.filter((e) => e.destination && e.reporters.length > 0).map((e) => e.destination!.service)
    );
    for (const service of services) {
      const into = edges.filter((e) => e.destination?.service === service && e.reporters.length > 0);
      const vars = { ...defaults(dashboards.get('meshscope-service')!), namespace: service.split('.')[1], service };
      const http = into.filter((e) => e.protocol !== 'tcp');
      if (http.length > 0) {
        const rate = http.reduce((s, e) => s + e.rate, 0);
        const success = 1 - http.reduce((s, e) => s + e.rate * e.errorShare, 0) / rate;
        expect({ service, ...within2(await stat('meshscope-service', 'Requests', vars), rate) }).toMatchObject({
          ok: true,
        });
        expect({ service, ...within2(await stat('meshscope-service', 'Success rate', vars), success) }).toMatchObject({
          ok: true,
        });
      }
      const tcp = into.filter((e) => e.tcp !== null);
      if (tcp.length > 0) {
        const sent = tcp.reduce((s, e) => s + e.tcp!.sentBytesPerSecond, 0);
        const received = tcp.reduce((s, e) => s + e.tcp!.receivedBytesPerSecond, 0);
        expect({ service, ...within2(await stat('meshscope-service', 'TCP sent', vars), sent) }).toMatchObject({
          ok: true,
        });
        expect({ service, ...within2(await stat('meshscope-service', 'TCP received', vars), received) }).toMatchObject({
          ok: true,
        });
      }
    }
  });

  test("Performance: vCPU per 1k requests/s is each component's CPU over the true mesh request rate, one series each", async () => {
    const http = edges.filter((e) => e.protocol !== 'tcp' && e.reporters.length > 0);
    const kRps = http.reduce((s, e) => s + e.rate, 0) / 1000;
    const d = dashboards.get('meshscope-performance')!;
    const rows = await prom.query(substitute(exprOf(d, 'vCPU per 1k requests/s', 'A'), defaults(d), WINDOW), at);
    const components = ['proxies', 'ztunnel', 'istiod'];
    expect(rows.map((r) => r.metric.component).sort()).toEqual([...components].sort());
    for (const component of components) {
      // The vCPU panel's line for this component, found by its legend rather than its position.
      const target = (panelByTitle(d, 'vCPU').targets ?? []).find((t) => t.legendFormat === component);
      const cores = await value(substitute(String(target?.expr), defaults(d), WINDOW), component);
      const row = rows.find((r) => r.metric.component === component)!;
      expect({ component, ...within2(row.value, cores / kRps) }).toMatchObject({ ok: true });
    }
  });
});
