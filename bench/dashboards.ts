/**
 * What loading each dashboard costs Prometheus: queries run on load and samples touched (Prometheus's own query
 * statistics, stats=all → data.stats.samples.totalQueryableSamples), on a 500-workload simulated mesh.
 *
 * How it is measured. A one-hour dashboard at Grafana's defaults (15 s scrape, ~240 points, $__rate_interval =
 * 4 × scrape = 60 s) reads 4 samples per series per step over 240 steps. We keep that geometry without an hour of
 * history: scrape every 5 s (the simulator cannot render 500 workloads' expositions every second), query the last
 * 60 s at a 0.25 s step (240 points) with $__rate_interval = 20 s (4 samples), and instant queries (tables,
 * topology) with the same 4-sample window. Per series this touches what the real one-hour load touches. Only panels Grafana runs on load count: collapsed rows run
 * nothing until opened. Variables use the label API (label_values), which reads no samples.
 *
 * The mesh has 3 of its 25 namespaces in ambient mode (ztunnel, waypoints) and 5 % of its sidecar workloads running a
 * Wasm extension and 5 % with the extended Envoy stats on, so the Ztunnel, Wasm and Proxy internals dashboards have
 * something to read.
 *
 * `samples_recorded` is the same load with the dashboards in recorded mode (config recording.dashboards), reading
 * the series the generated recording rules (provisioning/prometheus) pre-aggregate; Prometheus evaluates those
 * rules from its start, so the range holds recorded history too.
 */
import { join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, DEFAULT_CONFIG } from '../dashboards';
import { generateTopology, startSimulator } from '../simulator';
import { scrapeConfig, startPrometheus } from '../test/helpers/prometheus';
import { loadedTargetsOf, substitute } from '../test/dashboards/walk';

const WORKLOADS = 500;
const RANGE_S = 60;
const STEP_S = 0.25;
const SCRAPE = '5s';
const RATE_WINDOW = '20s';
const RULES = join(__dirname, '..', 'provisioning', 'prometheus', 'meshscope.rules.yaml');
const RECORDED = { ...DEFAULT_CONFIG, recording: { ...DEFAULT_CONFIG.recording, dashboards: true } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function samplesTouched(promUrl: string, expr: string, instant: boolean, end: number): Promise<number> {
  const params = instant
    ? new URLSearchParams({ query: expr, time: String(end), stats: 'all' })
    : new URLSearchParams({
        query: expr,
        start: String(end - RANGE_S),
        end: String(end),
        step: String(STEP_S),
        stats: 'all',
      });
  const res = await fetch(`${promUrl}/api/v1/${instant ? 'query' : 'query_range'}?${params}`);
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data: { stats?: { samples?: { totalQueryableSamples?: number } } };
  };
  if (body.status !== 'success') {
    throw new Error(`${expr}: ${body.error}`);
  }
  return body.data.stats?.samples?.totalQueryableSamples ?? 0;
}

async function dashboardLoad(promUrl: string, d: Dashboard, vars: Record<string, string>, end: number) {
  const targets = loadedTargetsOf(d);
  let samples = 0;
  for (const t of targets) {
    samples += await samplesTouched(promUrl, substitute(t.expr, vars, RATE_WINDOW), t.instant, end);
  }
  return { queries: targets.length, samples };
}

export async function benchDashboards(): Promise<
  Array<{ uid: string; queries: number; samples: number; samples_recorded: number }>
> {
  const topology = generateTopology({
    workloads: WORKLOADS,
    namespaces: 25,
    edges: WORKLOADS * 3,
    seed: 1,
    ambientNamespaces: 3,
    wasmShare: 0.05,
    extendedStatsShare: 0.05,
  });
  const sim = await startSimulator({ topology, seed: 1 });
  const config = `${scrapeConfig({ sdUrl: `${sim.url}/sd`, scrapeInterval: SCRAPE })}rule_files:\n  - ${RULES}\n`;
  const prom = await startPrometheus({ config, readyTimeoutMs: 60_000 });
  try {
    await prom.waitForScrapes(1, 180_000);
    await sleep((RANGE_S + 25) * 1000); // range plus one rate window of history
    const end = Math.floor(Date.now() / 1000);
    // Single-valued variables get the busiest service and workload, as a user drilling into the mesh would pick.
    const busiest = [...sim.truth().edges].filter((e) => e.destination).sort((a, b) => b.rate - a.rate)[0].destination!;
    const values = {
      cluster: '.*',
      namespace: busiest.namespace,
      service: busiest.service,
      workload: busiest.workload,
      gateway: DEFAULT_CONFIG.gatewayWorkloads,
    };
    // Proxy internals opens on a workload with the extended stats on: the busiest of those.
    const extended = new Set(sim.truth().proxies.map((p) => `${p.namespace}/${p.workload}`));
    const envoy = [...sim.truth().edges]
      .filter((e) => e.destination && extended.has(`${e.destination.namespace}/${e.destination.workload}`))
      .sort((a, b) => b.rate - a.rate)[0].destination!;
    const recorded = new Map(buildDashboards(RECORDED).map((d) => [d.uid, d]));
    const results = [];
    for (const d of buildDashboards(DEFAULT_CONFIG)) {
      const vars =
        d.uid === 'meshscope-mesh'
          ? { ...values, namespace: '.*' }
          : d.uid === 'meshscope-envoy'
            ? { ...values, namespace: envoy.namespace, workload: envoy.workload }
            : values;
      const raw = await dashboardLoad(prom.url, d, vars, end);
      const fromRules = await dashboardLoad(prom.url, recorded.get(d.uid)!, vars, end);
      results.push({ uid: d.uid!, queries: raw.queries, samples: raw.samples, samples_recorded: fromRules.samples });
    }
    return results;
  } finally {
    await prom.stop();
    await sim.close();
  }
}
