// The Proxy internals dashboard (meshscope-envoy) against a real Prometheus scraping the simulator: for a workload
// with the extended stats on, every panel returns data and its figures equal /truth within 2 %; for one without,
// every panel that reads extended stats returns nothing (Grafana then shows the panel's noValue: the prefixes that
// turn them on); the series-count panels equal the series Prometheus itself holds. Its two pods sit in two zones.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, DEFAULT_CONFIG } from '../../dashboards';
import { ENVOY_DASHBOARD_PREFIXES, ZONE_ROUTING } from '../../dashboards/queries/envoy';
import { defaultTopology, type ProxyTruth, type Simulator, startSimulator } from '../../simulator';
import { findPrometheusBinary, type Prometheus, startPrometheus } from '../helpers/prometheus';
import { type AnyPanel, panelByTitle, panelsOf, substitute } from './walk';

// Long enough that connection and handshake counters (a few per second) move by over a hundred in the window.
const WINDOW = '60s';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ON = { namespace: 'bookinfo', workload: 'productpage-v1' };
const OFF = { namespace: 'bookinfo', workload: 'reviews-v2' };
/** The default mesh with two productpage pods, so that sums over a workload's pods (and maxima) are exercised. */
const TOPOLOGY = {
  ...defaultTopology,
  workloads: defaultTopology.workloads.map((w) => (w.name === ON.workload ? { ...w, replicas: 2 } : w)),
};

describe('Proxy internals dashboard against a real Prometheus scraping the simulator', () => {
  let sim: Simulator;
  let prom: Prometheus;
  let truth: ProxyTruth;
  let at: number;
  const dashboard: Dashboard = buildDashboards(DEFAULT_CONFIG).find((d) => d.uid === 'meshscope-envoy')!;

  beforeAll(async () => {
    findPrometheusBinary('prometheus');
    sim = await startSimulator({ topology: TOPOLOGY, seed: 7 });
    prom = await startPrometheus({ sdUrl: `${sim.url}/sd`, scrapeInterval: '1s' });
    await prom.waitForScrapes(1);
    await sleep(63_000); // fill the 60 s rate window
    at = Date.now() / 1000;
    truth = sim.truth().proxies.find((p) => p.workload === ON.workload)!;
  }, 120_000);

  afterAll(async () => {
    await prom?.stop();
    await sim?.close();
  });

  const run = (expr: string, vars: Record<string, string>) =>
    prom.query(substitute(expr, { cluster: '.*', ...vars }, WINDOW), at);
  /** The panel's query `refId` as Grafana sends it, one series per legend value. */
  const series = async (title: string, vars = ON, refId = 'A') => {
    const t = (panelByTitle(dashboard, title).targets ?? []).find((x) => x.refId === refId)!;
    return run(String(t.expr), vars);
  };
  const one = async (title: string, refId = 'A') => {
    const r = await series(title, ON, refId);
    expect({ title, refId, series: r.length }).toEqual({ title, refId, series: 1 });
    return r[0].value;
  };
  // Counters move in whole requests: over the window, a small rate is exact only to a few counts, on top of the
  // simulator's rate noise (within ~1.6 % over 30 s or more). The figures are in the label so a failure shows them.
  const within = (what: string, actual: number, expected: number, counts = 0) => {
    const tolerance = 0.02 + counts / (expected * parseInt(WINDOW, 10));
    const label = `${what}: ${actual} against /truth ${expected} (tolerance ${(tolerance * 100).toFixed(1)} %)`;
    expect({ label, ok: expected > 0 && Math.abs(actual / expected - 1) <= tolerance }).toEqual({ label, ok: true });
  };
  const within2 = (what: string, actual: number, expected: number) => within(what, actual, expected);
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
  const hinted = (p: AnyPanel) => (p.fieldConfig?.defaults as { noValue?: string } | undefined)?.noValue;

  test('the workload with proxyStatsMatcher on: every target of every panel returns data', async () => {
    expect(truth.clusters.length).toBeGreaterThan(2);
    expect(truth.pods.length).toBe(2);
    const empty: string[] = [];
    for (const p of panelsOf(dashboard)) {
      for (const t of p.targets ?? []) {
        const r = await run(String(t.expr), ON);
        if (!r.some((x) => !Number.isNaN(x.value))) {
          empty.push(`"${p.title}" ${String(t.refId)}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });

  test('the workload with it off: panels reading extended stats return nothing and name the prefixes that turn them on', async () => {
    expect(sim.truth().proxies.map((p) => p.workload)).not.toContain(OFF.workload);
    const wrong: string[] = [];
    for (const p of panelsOf(dashboard)) {
      const hint = hinted(p);
      const exprs = (p.targets ?? []).map((t) => String(t.expr));
      const data = (await Promise.all(exprs.map((x) => run(x, OFF)))).some((r) => r.length > 0);
      if (hint === undefined) {
        // Only the cost panels read default stats too, and so have data whatever the matcher says.
        if (!data) {
          wrong.push(`"${p.title}": no data and no hint`);
        }
        continue;
      }
      if (data) {
        wrong.push(`"${p.title}": data although the stats are off`);
      }
      // The hint names a prefix for each stat scope the panel reads: cluster.*, http.*, listener.*.
      const scopes = new Set(exprs.flatMap((x) => [...x.matchAll(/envoy_(cluster|http|listener)_/g)].map((m) => m[1])));
      for (const scope of scopes) {
        const named = ENVOY_DASHBOARD_PREFIXES.filter(
          (prefix) => prefix.startsWith(`${scope}.`) && hint.includes(`"${prefix}"`)
        );
        if (named.length === 0) {
          wrong.push(`"${p.title}": reads ${scope}.* stats, hint names no ${scope}.* prefix: ${hint}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('connections per cluster: active and opened equal /truth', async () => {
    const active = await series('Active connections');
    const opened = await series('Connections opened');
    for (const c of truth.clusters) {
      const a = active.find((s) => s.metric.cluster_name === c.name);
      expect({ cluster: c.name, active: a?.value }).toEqual({ cluster: c.name, active: c.activeConnections });
      if (c.connectionsPerSecond >= 1) {
        within2(
          `opened ${c.name}`,
          opened.find((s) => s.metric.cluster_name === c.name)?.value ?? 0,
          c.connectionsPerSecond
        );
      }
    }
    within2(
      'opened, all clusters',
      sum(opened.map((s) => s.value)),
      sum(truth.clusters.map((c) => c.connectionsPerSecond))
    );
  });

  test('requests: downstream and upstream by code class, and by traffic kind, equal /truth', async () => {
    const downstream = await series('Downstream requests by code class');
    for (const [prefix, classes] of Object.entries(truth.downstream)) {
      for (const [cls, rps] of Object.entries(classes).filter(([, r]) => r >= 1)) {
        const s = downstream.find(
          (x) => x.metric.http_conn_manager_prefix === prefix && x.metric.response_code_class === cls
        );
        within2(`downstream ${prefix} ${cls}`, s?.value ?? 0, rps);
      }
    }
    const upstream = await series('Upstream requests by code class');
    for (const cls of ['2xx', '5xx']) {
      const expected = sum(truth.clusters.map((c) => c.requestsByClass[cls] ?? 0));
      within(`upstream ${cls}`, upstream.find((x) => x.metric.response_code_class === cls)?.value ?? 0, expected, 3);
    }
    const kinds = await series('Requests by traffic kind');
    const kindOf = { inbound: 'inbound', outbound: 'outbound to mesh services', blackhole: 'blackhole' };
    for (const [kind, legend] of Object.entries(kindOf)) {
      const expected = sum(truth.clusters.filter((c) => c.kind === kind).map((c) => c.requestsPerSecond));
      within2(`kind ${kind}`, kinds.find((s) => s.metric.kind === legend)?.value ?? 0, expected);
    }
    // Retries are two per 503 the app returned, about 0.6/s; 5xx responses upstream about 3/s.
    within('retries', await one('Retries and timeouts'), sum(truth.clusters.map((c) => c.retriesPerSecond)), 3);
  });

  test('TLS: handshakes up and down, cipher suite and version mix equal /truth', async () => {
    const upstream = sum(truth.clusters.map((c) => c.tlsHandshakesPerSecond));
    within2('upstream handshakes', await one('TLS handshakes', 'A'), upstream);
    within2('downstream handshakes', await one('TLS handshakes', 'B'), truth.inboundTlsHandshakesPerSecond);
    const both = upstream + truth.inboundTlsHandshakesPerSecond;
    const ciphers = await series('Cipher suites');
    expect(ciphers.map((s) => s.metric.cipher)).toEqual([truth.tls.cipher]);
    within2('cipher', ciphers[0].value, both);
    const versions = await series('TLS versions');
    expect(versions.map((s) => s.metric.version)).toEqual([truth.tls.version]);
    within2('version', versions[0].value, both);
    expect(await one('Handshake errors')).toBe(0);
  });

  test('load balancing: endpoints per cluster equal /truth, all healthy, no panic', async () => {
    const total = await series('Endpoints', ON, 'A');
    const healthy = await series('Endpoints', ON, 'B');
    for (const c of truth.clusters) {
      const of = (r: typeof total) => r.find((s) => s.metric.cluster_name === c.name)?.value;
      expect({ cluster: c.name, total: of(total), healthy: of(healthy) }).toEqual({
        cluster: c.name,
        total: c.endpoints,
        healthy: c.endpoints,
      });
    }
    expect(truth.clusters.some((c) => c.endpoints > 1)).toBe(true);
    expect(sum((await series('Panic mode and no healthy upstream')).map((s) => s.value))).toBe(0);
  });

  test('locality: cross-zone share, requests by zone pair and upstream zones per cluster equal /truth; zone-aware routing stays 0', async () => {
    // Envoy prints zones in the stat name with - and . made _, and so does the dashboard's legend.
    const z = (zone: string) => zone.replace(/[^a-zA-Z0-9_]/g, '_');
    expect(new Set(Object.values(truth.localities).map((l) => l.split('/')[1])).size).toBe(2);
    within2('cross-zone share', await one('Cross-zone share'), truth.crossZoneShare);
    expect(truth.crossZoneShare).toBeGreaterThan(0.1);
    // Shares, compared as the request rates they are of /truth's total, so that a pair's few counts widen its tolerance.
    const total = sum(truth.zones.map((p) => p.requestsPerSecond));
    const pairs = await series('Requests by zone pair');
    expect(pairs.length).toBe(truth.zones.length);
    for (const p of truth.zones) {
      const s = pairs.find((x) => x.metric.from_zone === z(p.from) && x.metric.to_zone === z(p.to));
      within(`${p.from} → ${p.to}`, (s?.value ?? 0) * total, p.requestsPerSecond, 3);
    }
    const perCluster = await series('Upstream zones per cluster');
    const zoned = truth.clusters.filter((c) => Object.keys(c.upstreamZones).length > 0);
    expect(zoned.map((c) => c.kind)).toEqual(zoned.map(() => 'outbound'));
    expect(perCluster.length).toBe(sum(zoned.map((c) => Object.keys(c.upstreamZones).length)));
    for (const c of zoned) {
      const clusterTotal = sum(Object.values(c.upstreamZones));
      for (const [zone, rps] of Object.entries(c.upstreamZones)) {
        const s = perCluster.find((x) => x.metric.cluster_name === c.name && x.metric.to_zone === z(zone));
        within(`${c.name} → ${zone}`, (s?.value ?? 0) * clusterTotal, rps, 3);
      }
    }
    const decisions = await series('Zone-aware routing decisions');
    expect(decisions.length).toBe(Object.keys(ZONE_ROUTING).length);
    for (const [decision, metric] of Object.entries(ZONE_ROUTING)) {
      const stat = metric.replace(/^envoy_cluster_/, '');
      expect({ decision, stat, rate: decisions.find((x) => x.metric.decision === decision)?.value }).toEqual({
        decision,
        stat,
        rate: truth.zoneRouting[stat],
      });
    }
  });

  test("series-count panels equal the series Prometheus holds for the workload's pods, and their share of the proxies' series", async () => {
    /** Prometheus's own count: the series API over the last scrape, not a query. */
    const held = async (match: string) => {
      const params = new URLSearchParams({ 'match[]': match, start: String(at - 2), end: String(at) });
      const body = (await (await fetch(`${prom.url}/api/v1/series?${params}`)).json()) as { data: unknown[] };
      return body.data.length;
    };
    const pods = truth.pods.join('|');
    const envoy = await held(`{__name__=~"envoy_.+", namespace="${ON.namespace}", pod=~"${pods}"}`);
    const all = await held('{__name__=~"envoy_.+|istio_.+", job="kubernetes-pods"}');
    expect(envoy).toBeGreaterThan(100);
    expect(await one('Envoy series')).toBe(envoy);
    expect(await one('Share of Istio series')).toBeCloseTo(envoy / all, 6);
    const perPod = await series('Envoy series per pod');
    expect(perPod.map((s) => s.metric.pod).sort()).toEqual([...truth.pods].sort());
    expect(sum(perPod.map((s) => s.value))).toBe(envoy);
    // With the matcher off the workload still has Istio's default Envoy stats, many fewer.
    const off = await run(String(panelByTitle(dashboard, 'Envoy series').targets![0].expr), OFF);
    expect(off[0].value).toBeLessThan(envoy / 3);
  });

  test('the workload variable offers every Envoy workload of the namespace: gateways (caller only) and servers', async () => {
    const v = dashboard.templating!.list!.find((x) => x.name === 'workload')!;
    const m = /^query_result\((.*)\)$/.exec(String(v.query))!;
    const offered = (await run(m[1], { namespace: 'istio-system' })).map((s) => s.metric.workload);
    expect(offered).toEqual(['istio-ingressgateway']);
    const bookinfo = (await run(m[1], { namespace: 'bookinfo' })).map((s) => s.metric.workload).sort();
    expect(bookinfo).toEqual(
      expect.arrayContaining(['productpage-v1', 'details-v1', 'reviews-v1', 'ratings-v1', 'mongodb-v1', 'inventory-v1'])
    );
    expect(new RegExp(String(v.regex).slice(1, -1)).exec('{workload="productpage-v1"}')?.[1]).toBe('productpage-v1');
  });
});
