/**
 * What each dashboard costs Prometheus, ours beside Istio's official one (bench/anchors/istio-dashboards/): samples
 * touched (Prometheus's query statistics, stats=all → totalQueryableSamples) on load and with every row opened, and
 * the share of queries that return data, on the same Prometheus, at the same instant, with the same variable values.
 *
 * Both sets are evaluated as Grafana evaluates them (bench/grafana/): each variable takes its value on load (single-
 * valued ones pinned to the busiest destination, the rest at their saved value, All resolved to its allValue or, as
 * Istio's have none, to every option its query_result finds), values are escaped into PromQL as Grafana's Prometheus
 * data source does, and each query gets the step and `$__rate_interval` Grafana gives its panel in a one-hour view
 * on an 1800 px dashboard with a data source whose scrape interval (timeInterval) is 15 s, as Istio's sample Grafana
 * and our provisioning set it. Variable queries count too: Grafana runs them on load (ours use the label API, which
 * reads no samples).
 *
 * How an hour is measured in a minute. Per series, a range query touches (points) × (samples per rate window); both
 * are kept: the simulator is scraped every 5 s instead of 15 s, so each window is a third of Grafana's (the same
 * samples), and the hour is squeezed into the last 60 s by dividing each step by 60 (the same points). Instant
 * queries use the same window at the range's end.
 *
 * The mesh has 3 of its 25 namespaces in ambient mode (ztunnel, waypoints) and 5 % of its sidecar workloads running a
 * Wasm extension and 5 % with the extended Envoy stats on, so the Ztunnel, Wasm and Proxy internals dashboards have
 * something to read. In recorded mode (config recording.dashboards) ours read the series the generated recording
 * rules (provisioning/prometheus) keep; Prometheus evaluates those rules from its start, so the range holds recorded
 * history too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, DEFAULT_CONFIG } from '../dashboards';
import { generateTopology, startSimulator } from '../simulator';
import { scrapeConfig, startPrometheus } from '../test/helpers/prometheus';
import { DashboardRunner, type ViewGeometry } from './grafana/dashboardRunner';

const WORKLOADS = 500;
const ANCHORS = join(__dirname, 'anchors', 'istio-dashboards');
const RULES = join(__dirname, '..', 'provisioning', 'prometheus', 'meshscope.rules.yaml');
const RECORDED = { ...DEFAULT_CONFIG, recording: { ...DEFAULT_CONFIG.recording, dashboards: true } };

/** Grafana's view: one hour at the data source's 15 s scrape interval. */
const VIEW_MS = 3_600_000;
const GRAFANA_SCRAPE = DEFAULT_CONFIG.install.scrapeInterval;
/** The bench's: the hour's points within the last 60 s, windows holding as many samples at a 5 s scrape. */
const RANGE_MS = 60_000;
const SCRAPE = '5s';
const GEOMETRY: ViewGeometry = {
  viewMs: VIEW_MS,
  scrapeInterval: GRAFANA_SCRAPE,
  windowScale: 5 / 15,
  stepScale: RANGE_MS / VIEW_MS,
  rangeMs: RANGE_MS,
};

/** Ours and the Istio dashboard it replaces (Istio has no gateway, Proxy internals or Setup check dashboard). */
const ISTIO_OF: Record<string, string | undefined> = {
  'meshscope-control-plane': 'pilot-dashboard.gen.json',
  'meshscope-ztunnel': 'ztunnel-dashboard.gen.json',
  'meshscope-performance': 'istio-performance-dashboard.json',
  'meshscope-wasm': 'istio-extension-dashboard.json',
  'meshscope-mesh': 'istio-mesh-dashboard.gen.json',
  'meshscope-service': 'istio-service-dashboard.json',
  'meshscope-workload': 'istio-workload-dashboard.json',
  'meshscope-gateway': undefined,
  'meshscope-envoy': undefined,
  'meshscope-setup': undefined,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const share = (ours: number, theirs: number) => Number((ours / theirs).toFixed(3));

/** The bench's 500-workload mesh, shared with the Envoy stats cost section (bench/envoyStats.ts). */
export function benchMesh() {
  return generateTopology({
    workloads: WORKLOADS,
    namespaces: 25,
    edges: WORKLOADS * 3,
    seed: 1,
    ambientNamespaces: 3,
    wasmShare: 0.05,
    extendedStatsShare: 0.05,
  });
}

export async function benchDashboards(): Promise<Array<Record<string, string | number>>> {
  const topology = benchMesh();
  const sim = await startSimulator({ topology, seed: 1 });
  const config = `${scrapeConfig({ sdUrl: `${sim.url}/sd`, scrapeInterval: SCRAPE })}rule_files:\n  - ${RULES}\n`;
  // The heaviest queries (Istio's and ours, every row opened) take minutes when the machine is shared.
  const prom = await startPrometheus({ config, readyTimeoutMs: 60_000, flags: ['--query.timeout=15m'] });
  try {
    await prom.waitForScrapes(1, 180_000);
    await sleep(RANGE_MS + 30_000); // the range plus the widest rate window of history
    const bench = new DashboardRunner(prom.url, Math.floor(Date.now() / 1000), GEOMETRY);
    // Single-valued variables get the busiest service and workload, as a user drilling into the mesh would pick.
    const busiest = [...sim.truth().edges].filter((e) => e.destination).sort((a, b) => b.rate - a.rate)[0].destination!;
    const pinned = { namespace: busiest.namespace, service: busiest.service, workload: busiest.workload };
    // Proxy internals opens on a workload with the extended stats on: the busiest of those.
    const extended = new Set(sim.truth().proxies.map((p) => `${p.namespace}/${p.workload}`));
    const envoy = [...sim.truth().edges]
      .filter((e) => e.destination && extended.has(`${e.destination.namespace}/${e.destination.workload}`))
      .sort((a, b) => b.rate - a.rate)[0].destination!;
    const recorded = new Map(buildDashboards(RECORDED).map((d) => [d.uid, d]));
    const rows = [];
    for (const d of buildDashboards(DEFAULT_CONFIG)) {
      const vars =
        d.uid === 'meshscope-envoy' ? { ...pinned, namespace: envoy.namespace, workload: envoy.workload } : pinned;
      const ours = await bench.dashboard(d, vars);
      const oursRecorded = await bench.loadOnly(recorded.get(d.uid)!, vars);
      const file = ISTIO_OF[d.uid!];
      const row: Record<string, string | number> = {
        uid: d.uid!,
        queries: ours.queries,
        samples_load: ours.load,
        samples_opened: ours.opened,
        samples_recorded: oursRecorded,
        data_share: Number(ours.dataShare.toFixed(3)),
      };
      if (file) {
        const istioDashboard = JSON.parse(readFileSync(join(ANCHORS, file), 'utf8')) as Dashboard;
        const istio = await bench.dashboard(istioDashboard, vars);
        Object.assign(row, {
          istio_queries: istio.queries,
          istio_samples_load: istio.load,
          istio_samples_opened: istio.opened,
          istio_data_share: Number(istio.dataShare.toFixed(3)),
          load_ratio: share(ours.load, istio.load),
          opened_ratio: share(ours.opened, istio.opened),
          recorded_ratio: share(oursRecorded, istio.load),
        });
      }
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    return rows;
  } finally {
    await prom.stop();
    await sim.close();
  }
}
