// Every generated query against a real Prometheus scraping the simulator's default mesh under each scrape setup
// (test/helpers/setups.ts: Istio's sample Prometheus, Istio's Prometheus Operator docs on kube-prometheus-stack,
// meshscope's monitors, a collector naming its own jobs, and every proxy scraped by two jobs at once): it parses,
// returns data (except for metrics the simulator does not emit, checked to be absent), and the figures of the Mesh,
// Service, Workload, Gateway, Ztunnel, Control Plane, Performance and Proxy internals dashboards match the
// simulator's ground truth within 2 % (figures.ts), with no request counted twice.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, DEFAULT_CONFIG } from '../../dashboards';
import { type EdgeTruth, type Simulator, startSimulator } from '../../simulator';
import { findPrometheusBinary, type Prometheus, startPrometheus } from '../helpers/prometheus';
import { type Setup, SETUP_NAMES, setupConfig } from '../helpers/setups';
import { NOTHING_FOUND } from '../../dashboards/builders/setup';
import { formatValue } from '../../bench/grafana/templating';
import { candidates, defaults } from './candidates';
import { figureTests } from './figures';
import { countedAsTcp } from './tcpTruth';
import { exprOf, panelByTitle, panelsOf, substitute, targetsOf } from './walk';

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
  const proms = new Map<Setup, Prometheus>();
  let edges: EdgeTruth[];
  let at: number;
  const dashboards = new Map(buildDashboards(DEFAULT_CONFIG).map((d) => [d.uid!, d]));

  beforeAll(async () => {
    findPrometheusBinary('prometheus');
    sim = await startSimulator({ seed: 5 });
    // One Prometheus per setup, all filling their rate windows at once.
    await Promise.all(
      SETUP_NAMES.map(async (setup) => {
        const prom = await startPrometheus({ config: setupConfig(setup, sim.url) });
        proms.set(setup, prom);
        await prom.waitForScrapes(1);
      })
    );
    await sleep(33_000); // fill the 30 s rate window
    edges = sim.truth().edges;
    at = Date.now() / 1000;
  }, 150_000);

  afterAll(async () => {
    await Promise.all([...proms.values()].map((p) => p.stop()));
    await sim?.close();
  });

  describe.each(SETUP_NAMES)('%s setup', (setup) => {
    const prom = {
      query: (expr: string, time?: number) => proms.get(setup)!.query(expr, time),
      get url() {
        return proms.get(setup)!.url;
      },
    };

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

    figureTests({
      truth: () => sim.truth(),
      windowS: parseInt(WINDOW, 10),
      rows: (uid, title, vars = {}, refId = 'A') => {
        const d = dashboards.get(uid)!;
        return prom.query(substitute(exprOf(d, title, refId), { ...defaults(d), ...vars }, WINDOW), at);
      },
    });

    test('every target of every dashboard parses and returns data for the default variable values; the Setup check finds nothing', async () => {
      const empty: string[] = [];
      const found: string[] = [];
      for (const d of dashboards.values()) {
        // The Setup check's findings panels return data only for a fault: this setup has none (setup.test.ts plants them).
        const findings = new Set(
          panelsOf(d)
            .filter((p) => String((p.fieldConfig?.defaults as { noValue?: string })?.noValue).startsWith(NOTHING_FOUND))
            .map((p) => p.title)
        );
        for (const t of targetsOf(d)) {
          let data = false;
          for (const values of candidates(d)) {
            const expr = substitute(t.expr, values, WINDOW);
            expect({ where: `${t.uid} "${t.panel}" ${t.refId}`, leftover: /\$(?!\d)/.test(expr) }).toEqual({
              where: `${t.uid} "${t.panel}" ${t.refId}`,
              leftover: false,
            });
            const r = await prom.query(expr, at); // throws on a parse error
            data ||= r.some((x) => !Number.isNaN(x.value));
          }
          if (findings.has(t.panel)) {
            if (data) {
              found.push(`${t.uid} "${t.panel}" ${t.refId}`);
            }
          } else if (!data && !NOT_SIMULATED.some((n) => n.parts.every((p) => t.expr.includes(p)))) {
            empty.push(`${t.uid} "${t.panel}" ${t.refId}: ${t.expr}`);
          }
        }
      }
      expect(empty).toEqual([]);
      // The double setup scrapes every proxy, istiod and kubelet twice, which is all the Setup check may report.
      expect(found.filter((f) => !(setup === 'double' && f.includes('"Scraped twice"')))).toEqual([]);
      expect(found.some((f) => f.includes('"Scraped twice"'))).toBe(setup === 'double');
      for (const n of NOT_SIMULATED) {
        expect({ n: n.absent, series: (await prom.query(`count(${n.absent})`, at)).length }).toEqual({
          n: n.absent,
          series: 0,
        });
      }
    });

    test('the Mesh, Service and Workload variables offer every destination with traffic, TCP-only ones included', async () => {
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
      const tcp = edges.filter(countedAsTcp);
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
      // Jobs scraping each proxy: two in the double setup, so every total here would double without de-duplication.
      const jobsPerProxy = await prom.query('count by (pod) (group by (pod, job) (envoy_server_uptime))', at);
      expect(new Set(jobsPerProxy.map((r) => r.value))).toEqual(new Set([setup === 'double' ? 2 : 1]));
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
          expect({ service, ...within2(await stat('meshscope-service', 'Success rate', vars), success) }).toMatchObject(
            {
              ok: true,
            }
          );
        }
        const tcp = into.filter(countedAsTcp);
        if (tcp.length > 0) {
          const sent = tcp.reduce((s, e) => s + e.tcp!.sentBytesPerSecond, 0);
          const received = tcp.reduce((s, e) => s + e.tcp!.receivedBytesPerSecond, 0);
          expect({ service, ...within2(await stat('meshscope-service', 'TCP sent', vars), sent) }).toMatchObject({
            ok: true,
          });
          expect({
            service,
            ...within2(await stat('meshscope-service', 'TCP received', vars), received),
          }).toMatchObject({
            ok: true,
          });
        }
      }
    });

    test('Wasm: the proxy resource row reads exactly the pods whose proxies run Wasm', async () => {
      const d = dashboards.get('meshscope-wasm')!;
      const wasmWorkloads = sim.topology.workloads.filter((w) => (w.wasmExtensions ?? []).length > 0);
      const pods = sim
        .targets()
        .map((t) => t.labels)
        .filter(
          (l) =>
            l.container === 'istio-proxy' &&
            wasmWorkloads.some((w) => w.namespace === l.namespace && l.pod.startsWith(`${w.name}-`))
        )
        .map((l) => l.pod)
        .sort();
      expect(pods.length).toBeGreaterThan(0);
      // What Grafana lists for the hidden variable (its label_values() query over the time range) and writes into
      // the queries for All: the regex-escaped alternation of every pod.
      const listed = await offered('meshscope-wasm', 'wasm_pods', {});
      expect([...listed].sort()).toEqual(pods);
      const asGrafana = formatValue({ name: 'wasm_pods', type: 'query', multi: true, includeAll: true }, listed);
      const perPod = new Map<string, number>();
      for (const title of ['Wasm proxy memory', 'Wasm proxy vCPU']) {
        const run = (refId: string, wasmPods: string) =>
          prom.query(substitute(exprOf(d, title, refId), { ...defaults(d), wasm_pods: wasmPods }, WINDOW), at);
        const [each, total] = [await run('A', asGrafana), await run('B', asGrafana)];
        expect({ title, pods: each.map((s) => s.metric.pod).sort() }).toEqual({ title, pods });
        // The variable only narrows what Prometheus reads: with every pod allowed the `and on` alone gives the same.
        expect(await run('A', '.*')).toEqual(each);
        const sum = each.reduce((a, s) => a + s.value, 0);
        expect({ title, total: total[0].value / sum }).toEqual({ title, total: expect.closeTo(1, 9) });
        perPod.set(title, sum);
      }
      // Against the kubelet's series read directly, each pod once whichever jobs scrape it.
      const direct = await value(
        `sum(max by (pod) (container_memory_working_set_bytes{container="istio-proxy", pod=~"${pods.join('|')}"}))`
      );
      expect(perPod.get('Wasm proxy memory')! / direct).toBeCloseTo(1, 9);
    });

    test('Proxy internals: the cross-zone share and requests by zone pair of the workload with extended stats equal /truth', async () => {
      const proxy = sim
        .truth()
        .proxies.find((p) => p.workload === defaults(dashboards.get('meshscope-envoy')!).workload)!;
      expect(within2(await stat('meshscope-envoy', 'Cross-zone share'), proxy.crossZoneShare)).toMatchObject({
        ok: true,
      });
      const d = dashboards.get('meshscope-envoy')!;
      const pairs = await prom.query(substitute(exprOf(d, 'Requests by zone pair'), defaults(d), WINDOW), at);
      const total = proxy.zones.reduce((n, z) => n + z.requestsPerSecond, 0);
      const zone = (z: string) => z.replace(/[^a-zA-Z0-9_]/g, '_');
      expect(pairs.length).toBe(proxy.zones.length);
      for (const z of proxy.zones) {
        const share = pairs.find((p) => p.metric.from_zone === zone(z.from) && p.metric.to_zone === zone(z.to))?.value;
        // A pair's counter moves in whole requests: a few counts of the window widen the 2 %.
        const tolerance = 0.02 + 3 / (z.requestsPerSecond * parseInt(WINDOW, 10));
        expect({ z, share, ok: Math.abs(((share ?? 0) * total) / z.requestsPerSecond - 1) <= tolerance }).toMatchObject(
          {
            ok: true,
          }
        );
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
});
