/**
 * `npm run bench -- scale` (opt-in): a 2,000-workload / 4,000-edge mesh ingested through remote_write into
 * VictoriaMetrics, as the multi-cluster bed wires it (test/helpers/multicluster.ts: the simulator's /sd → a cluster's
 * Prometheus → remote_write → VictoriaMetrics), with one cluster so that Prometheus holds every series VictoriaMetrics
 * does and the Mesh dashboard can be loaded from both.
 *
 * - Edges: the simulator bench's 10,000-edge mesh has 1.4 M series. Prometheus holding them reached 19 GB resident
 *   (80 % of this machine's 24 GiB) within 12 minutes, still creating series, with VictoriaMetrics and the simulator
 *   beside it; 4,000 edges (two calls per workload) keeps all three inside the machine.
 * - The simulator runs in its own process (`npm run sim`): serving half a gigabyte a scrape from this one would stall the
 *   event loop the load times are measured on.
 * - Ingest: after every target has been scraped twice (the first scrape creates the series) and VictoriaMetrics has
 *   caught up with Prometheus's series and remote write with its scrapes (it replays the WAL behind them, and a
 *   backlog still draining would count as ingest), the counters are read
 *   at the start and end of MEASURE_MS: VictoriaMetrics' vm_rows_inserted_total{type="promremotewrite"} beside
 *   Prometheus's prometheus_tsdb_head_samples_appended_total (scraped) and prometheus_remote_storage_samples_total
 *   (sent). Resident memory of both servers is sampled every few seconds over that interval; the peak is reported.
 * - Arrival: series in VictoriaMetrics (vm_new_timeseries_created_total) against Prometheus's head series, and all
 *   rows VictoriaMetrics took against all samples Prometheus sent; either off by more than TOLERANCE fails the run.
 * - Load: the Mesh dashboard as Grafana opens it (bench/grafana/dashboardRunner.ts): its default hour at the
 *   scrape interval as the data source's timeInterval, every panel query outside collapsed rows sent at once,
 *   against each store in turn, RUNS times each alternating, median wall time. Scraping and ingest go on meanwhile,
 *   for both stores alike.
 */
import { join } from 'node:path';
import { buildDashboards, DEFAULT_CONFIG } from '../dashboards';
import { clusterPrometheusConfig } from '../test/helpers/multicluster';
import { sleep, startServer, stopAll } from '../test/helpers/process';
import { selfMetricOf } from '../test/helpers/promApi';
import { startPrometheus } from '../test/helpers/prometheus';
import { rssOf, startVictoriaMetrics } from '../test/helpers/victoriametrics';
import { DashboardRunner } from './grafana/dashboardRunner';
import { median } from './stats';

const TOPOLOGY = 'generated:2000x40x4000';
/**
 * On the 10,000-edge mesh (1.2 GB a scrape) at 30 s, half the targets outlasted Prometheus's 10 s scrape timeout while
 * it created the series; at 60 s, with the timeout at the interval, all fit.
 */
const SCRAPE = '60s';
const MEASURE_MS = 180_000;
/** Creating the series takes Prometheus and then VictoriaMetrics minutes here. */
const STARTUP_MS = 900_000;
const RSS_EVERY_MS = 5_000;
/** Remote write counts as caught up this close behind the newest sample scraped. */
const CAUGHT_UP_S = 5;
/** One load per store: on this mesh a load takes over a minute on either. */
const RUNS = 1;
/**
 * Queries each store runs at once; the rest wait in its queue. VictoriaMetrics runs 4 by default here (twice the
 * cores); Prometheus's default of 20 let the Mesh dashboard's 24 queries take it to 17 GB resident, and the kernel
 * killed it. Both run 4, so they load the dashboard alike.
 */
const CONCURRENT_QUERIES = 4;
/** Series and rows may differ by what one scrape interval adds or what is in flight at a reading. */
const TOLERANCE = 0.02;
/**
 * VictoriaMetrics' query limits, raised from their defaults for this mesh: its histogram queries select more than the
 * default 300,000 series (istio_request_duration_milliseconds_bucket alone has ~440,000; the limit is set above the
 * whole mesh's series), the Mesh dashboard sends its 24 panel queries at once where 4 run and the rest would fail
 * after 10 s in the queue, and on a shared machine some take longer than the default 30 s.
 */
export const VM_QUERY_FLAGS = [
  '-search.maxUniqueTimeseries=2000000',
  `-search.maxConcurrentRequests=${CONCURRENT_QUERIES}`,
  '-search.maxQueueDuration=5m',
  '-search.maxQueryDuration=5m',
];

const MESH = buildDashboards(DEFAULT_CONFIG).find((d) => d.uid === 'meshscope-mesh')!;
const VIEW = { viewMs: 3_600_000, scrapeInterval: SCRAPE, windowScale: 1, stepScale: 1, rangeMs: 3_600_000 };
const perSecond = (from: number, to: number, ms: number) => Math.round(((to - from) / ms) * 1000);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function startSimulatorProcess() {
  return startServer({
    name: 'simulator',
    bin: process.execPath,
    args: (port) => [
      '--import',
      'tsx',
      join(__dirname, '..', 'simulator', 'main.ts'),
      '--port',
      String(port),
      '--topology',
      TOPOLOGY,
      '--seed',
      '1',
    ],
    readyPath: '/sd',
    readyTimeoutMs: 180_000,
  });
}

export async function benchScale(): Promise<Record<string, string | number>> {
  const started: Array<{ stop(): Promise<void> } | undefined> = [];
  const began = performance.now();
  try {
    const sim = await startSimulatorProcess();
    started.push(sim);
    const vm = await startVictoriaMetrics({ flags: VM_QUERY_FLAGS });
    started.push(vm);
    const prom = await startPrometheus({
      config: clusterPrometheusConfig({
        cluster: 'cluster-1',
        sdUrl: `${sim.url}/sd`,
        interval: SCRAPE,
        scrapeTimeout: SCRAPE,
        writeUrl: vm.writeUrl,
      }),
      readyTimeoutMs: 120_000,
      flags: ['--query.timeout=15m', `--query.max-concurrency=${CONCURRENT_QUERIES}`],
    });
    started.push(prom);
    await prom.waitForScrapes(1, STARTUP_MS);
    // Remote write replays the WAL behind the scrapes: measure once VictoriaMetrics holds what Prometheus does.
    const series = async () => ({
      vm: await vm.selfMetric('vm_new_timeseries_created_total'),
      prom: await selfMetricOf(prom.url, 'prometheus_tsdb_head_series'),
    });
    const deadline = Date.now() + STARTUP_MS;
    for (let s = await series(); s.vm < s.prom * (1 - TOLERANCE); s = await series()) {
      if (Date.now() > deadline) {
        throw new Error(`VictoriaMetrics still holds ${s.vm} series of Prometheus's ${s.prom}`);
      }
      await sleep(RSS_EVERY_MS);
    }

    // And once its queue has sent what was scraped: a backlog still draining would count as ingest.
    const lagOf = async () =>
      (await selfMetricOf(prom.url, 'prometheus_remote_storage_highest_timestamp_in_seconds')) -
      (await selfMetricOf(prom.url, 'prometheus_remote_storage_queue_highest_sent_timestamp_seconds'));
    for (let lag = await lagOf(); lag > CAUGHT_UP_S; lag = await lagOf()) {
      if (Date.now() > deadline) {
        throw new Error(`remote write is still ${lag} s behind the scrapes`);
      }
      await sleep(RSS_EVERY_MS);
    }

    const counters = async () => ({
      at: Date.now(),
      vmRows: await vm.selfMetric('vm_rows_inserted_total', 'type="promremotewrite"'),
      appended: await selfMetricOf(prom.url, 'prometheus_tsdb_head_samples_appended_total'),
      sent: await selfMetricOf(prom.url, 'prometheus_remote_storage_samples_total'),
    });
    const startup = performance.now() - began;
    const before = await counters();
    const peak = { vm: 0, prom: 0 };
    while (Date.now() - before.at < MEASURE_MS) {
      peak.vm = Math.max(peak.vm, vm.rssBytes());
      peak.prom = Math.max(peak.prom, rssOf(prom));
      await sleep(RSS_EVERY_MS);
    }
    const after = await counters();
    const ms = after.at - before.at;
    const ingest = {
      vm_rows_per_s: perSecond(before.vmRows, after.vmRows, ms),
      prom_sent_per_s: perSecond(before.sent, after.sent, ms),
      prom_scraped_per_s: perSecond(before.appended, after.appended, ms),
    };
    const { vm: vmSeries, prom: promSeries } = await series();
    // What one histogram query of the Mesh dashboard selects, against -search.maxUniqueTimeseries.
    const bucketSeries = await prom.queryValue('count(istio_request_duration_milliseconds_bucket)');
    const failed = await selfMetricOf(prom.url, 'prometheus_remote_storage_samples_failed_total');
    const lag = await lagOf();
    console.log(JSON.stringify({ ...ingest, vmSeries, promSeries, failed, lag }));
    if (Math.abs(vmSeries / promSeries - 1) > TOLERANCE) {
      throw new Error(`VictoriaMetrics holds ${vmSeries} series where Prometheus holds ${promSeries}`);
    }
    // Totals since both started, not the interval's rates: a batch in flight is counted by VictoriaMetrics when it
    // arrives and by Prometheus when it is acknowledged, and up to shards × max_samples_per_send can be (3 % of an
    // interval's rows here), against well under 1 % of the totals.
    if (Math.abs(after.vmRows / after.sent - 1) > TOLERANCE) {
      throw new Error(`VictoriaMetrics took ${after.vmRows} rows where Prometheus sent ${after.sent} samples`);
    }

    const loads = { prom: [] as number[], vm: [] as number[] };
    const withData = { prom: 0, vm: 0 };
    let queries = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const [store, url] of [
        ['prom', prom.url],
        ['vm', vm.url],
      ] as const) {
        const load = await new DashboardRunner(url, Date.now() / 1000, VIEW).loadTime(MESH, {});
        console.log(`scale: Mesh dashboard on ${store}: ${Math.round(load.ms)} ms, ${load.withData}/${load.queries}`);
        loads[store].push(load.ms);
        withData[store] = load.withData;
        queries = load.queries;
      }
    }
    if (withData.vm < withData.prom) {
      throw new Error(
        `the Mesh dashboard had data in ${withData.vm} queries on VictoriaMetrics, ${withData.prom} on Prometheus`
      );
    }
    const vmLoad = median(loads.vm);
    const promLoad = median(loads.prom);
    return {
      topology: TOPOLOGY,
      scrape_interval: SCRAPE,
      startup_s: Math.round(startup / 1000),
      measured_s: Math.round(ms / 1000),
      ...ingest,
      series_vm: vmSeries,
      series_prom: promSeries,
      duration_bucket_series: bucketSeries,
      remote_write_failed: failed,
      remote_write_lag_s: lag,
      vm_rss_mb: mb(peak.vm),
      prom_rss_mb: mb(peak.prom),
      mesh_queries: queries,
      mesh_with_data_vm: withData.vm,
      mesh_with_data_prom: withData.prom,
      mesh_load_vm_ms: Math.round(vmLoad),
      mesh_load_prom_ms: Math.round(promLoad),
      load_ratio: Number((vmLoad / promLoad).toFixed(3)),
      vm_flags: VM_QUERY_FLAGS.join(' '),
    };
  } finally {
    await stopAll([...started].reverse());
  }
}
