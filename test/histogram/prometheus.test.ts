/**
 * The Histogram view's percentiles against a real Prometheus scraping the simulator: for every query, every frame
 * shape Grafana produces (time series, table, heatmap) and every step, the model's p50/p90/p99 must equal
 * Prometheus's own histogram_quantile over the same buckets within 1e-9 relative — through normal load, a
 * slow-convergence incident whose p99 lands in +Inf (clamped), and an error spike whose 5xx histogram is
 * empty afterwards (NaN on both sides).
 */
import '../preview/prometheus/node-dom';
import { computeHistograms, Histogram } from '../../src/histogram/model';
import { PromQueryFormat, queryPrometheus } from '../preview/prometheus/frames';
import { type Simulator, startSimulator } from '../../simulator';
import { findPrometheusBinary, type Prometheus, type RangeSeries, startPrometheus } from '../helpers/prometheus';
import { bucketsByStep, byHistogramAndTime, decreases, histogramKey, rankInInf, sameQuantile } from './quantiles';

const QUANTILES = [0.5, 0.9, 0.99];
const FORMATS: PromQueryFormat[] = ['time_series', 'table', 'heatmap'];
// reviews-v1 has no errors of its own, so its 5xx histogram is empty again once the spike is over.
const SPIKED_EDGE = 'bookinfo/productpage-v1->bookinfo/reviews-v1';

const QUERIES = {
  convergence: 'sum by (le) (rate(pilot_proxy_convergence_time_bucket[1m]))',
  convergencePerCluster: 'sum by (le, cluster) (rate(pilot_proxy_convergence_time_bucket[1m]))',
  requestsPerService:
    'sum by (le, destination_service_name) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[1m]))',
  // A short window, so the 5xx histogram of the spiked service is all zeros soon after the spike ends.
  failuresPerService:
    'sum by (le, destination_workload) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",response_code=~"5.."}[5s]))',
};
type QueryName = keyof typeof QUERIES;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nowSeconds = () => Math.floor(Date.now() / 1000) - 1;

let sim: Simulator;
let prom: Prometheus;
const instants = { normal: 0, slow: 0, after: 0 };
let start = 0;
// Filled by the range comparisons, read by the coverage test that runs after them.
const coverage: Record<string, Observed> = {};

beforeAll(async () => {
  findPrometheusBinary('prometheus');
  sim = await startSimulator({ seed: 4 });
  prom = await startPrometheus({ sdUrl: `${sim.url}/sd`, scrapeInterval: '1s' });
  await prom.waitForScrapes(2);
  start = nowSeconds();
  await sleep(8_000);
  instants.normal = nowSeconds();
  sim.setScenario({ name: 'slow-convergence' });
  sim.setScenario({ name: 'error-spike', edge: SPIKED_EDGE, errorRate: 0.5 });
  // Long enough for the slow pushes above 30 s to pass 1 % of the 1m window: p99 lands in +Inf.
  await sleep(24_000);
  instants.slow = nowSeconds();
  sim.clearScenario();
  await sleep(9_000);
  instants.after = nowSeconds();
}, 120_000);

afterAll(async () => {
  await prom?.stop();
  await sim?.close();
});

interface Truth {
  /** q → histogram key → epoch ms → histogram_quantile's value. */
  quantiles: Map<number, Map<string, Map<number, number>>>;
  /** histogram key → epoch ms → cumulative bucket counts. */
  buckets: Map<string, Map<number, number[]>>;
}

interface Observed {
  histograms: number;
  steps: number;
  clamped: number;
  nan: number;
  /** Steps left out because the heatmap format cannot carry them (see `decreases`). */
  lost: number;
}

/** Compares every step of every histogram; returns what was seen so callers can assert the cases were covered. */
function compare(histograms: Histogram[], truth: Truth, format: PromQueryFormat, context: string): Observed {
  const observed: Observed = { histograms: histograms.length, steps: 0, clamped: 0, nan: 0, lost: 0 };
  const mismatches: string[] = [];
  for (const h of histograms) {
    const key = histogramKey(h.labels);
    const buckets = truth.buckets.get(key);
    for (const step of h.steps) {
      const quantiles = truth.quantiles.get(step.q)!.get(key);
      if (!quantiles || !buckets) {
        mismatches.push(`${context} ${key}: Prometheus has no series for it`);
        continue;
      }
      h.times.forEach((t, i) => {
        const expected = quantiles.get(t);
        const counts = buckets.get(t);
        if (expected === undefined || counts === undefined) {
          mismatches.push(`${context} ${key} q=${step.q} at ${t}: no Prometheus sample`);
          return;
        }
        if (format === 'heatmap' && decreases(counts)) {
          observed.lost++;
          return;
        }
        const actual = step.values[i];
        const clamped = step.clamped[i] === 1;
        const inInf = rankInInf(counts, step.q);
        observed.steps++;
        observed.clamped += clamped ? 1 : 0;
        observed.nan += Number.isNaN(actual) ? 1 : 0;
        if (!sameQuantile(actual, expected) || clamped !== inInf) {
          mismatches.push(
            `${context} ${key} q=${step.q} at ${t}: model ${actual}${clamped ? ' (clamped)' : ''}, Prometheus ${expected}${inInf ? ' (in +Inf)' : ''}`
          );
        }
      });
    }
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  return observed;
}

async function modelAt(name: QueryName, format: PromQueryFormat, from: number, to: number, instant: boolean) {
  const frames = await queryPrometheus(
    prom.url,
    { refId: 'A', expr: QUERIES[name], format, instant },
    { from: from * 1000, to: to * 1000, stepMs: 1000 }
  );
  return computeHistograms(frames, { percentiles: QUANTILES, shareBounds: [] }).histograms;
}

const instantSeries = async (expr: string, time: number): Promise<RangeSeries[]> =>
  (await prom.query(expr, time)).map((s) => ({ metric: s.metric, values: [[s.timestamp, s.value]] }));

async function truthOver(name: QueryName, from: number, to: number, instant: boolean): Promise<Truth> {
  const fetch = (expr: string) => (instant ? instantSeries(expr, to) : prom.queryRange(expr, from, to, 1));
  const quantiles = new Map<number, Map<string, Map<number, number>>>();
  for (const q of QUANTILES) {
    quantiles.set(q, byHistogramAndTime(await fetch(`histogram_quantile(${q}, ${QUERIES[name]})`)));
  }
  return { quantiles, buckets: bucketsByStep(await fetch(QUERIES[name])) };
}

const cases = (Object.keys(QUERIES) as QueryName[]).flatMap((name) => FORMATS.map((format) => [name, format] as const));

describe.each(cases)('%s as %s frames', (name, format) => {
  it('at three instants (normal, slow convergence with an error spike, after it), equals histogram_quantile', async () => {
    for (const [phase, time] of Object.entries(instants)) {
      const truth = await truthOver(name, time, time, true);
      const histograms = await modelAt(name, format, time, time, true);
      const seen = compare(histograms, truth, format, `${phase} instant`);
      expect(seen.histograms).toBe(truth.quantiles.get(0.5)!.size);
      expect(seen.steps + seen.lost).toBe(seen.histograms * QUANTILES.length);
    }
  });

  it('at every 1 s step of the run, equals histogram_quantile', async () => {
    const truth = await truthOver(name, start, instants.after, false);
    const histograms = await modelAt(name, format, start, instants.after, false);
    const seen = compare(histograms, truth, format, 'range');
    expect(seen.histograms).toBe(truth.quantiles.get(0.5)!.size);
    expect(seen.steps + seen.lost).toBeGreaterThan(seen.histograms * QUANTILES.length * 30);
    coverage[`${name}/${format}`] = seen;
  });
});

describe('the cases the comparison must cover', () => {
  it('clamped and NaN steps were compared, in every format', () => {
    for (const format of FORMATS) {
      expect({ format, clamped: coverage[`convergence/${format}`]?.clamped > 0 }).toEqual({ format, clamped: true });
      expect({ format, nan: coverage[`failuresPerService/${format}`]?.nan > 0 }).toEqual({ format, nan: true });
    }
    // istiod's mature series are monotonic, so the heatmap format carries every step of them; the request
    // histograms lose the steps where the spike's young 5xx series make rate() non-monotonic.
    expect(coverage['convergence/heatmap'].lost).toBe(0);
    expect(coverage['failuresPerService/heatmap'].steps).toBeGreaterThan(0);
  });

  const percentile = (histograms: Histogram[], q: number, key: string) => {
    const h = histograms.find((x) => histogramKey(x.labels) === key)!;
    const step = h.steps.find((s) => s.q === q)!;
    return { value: step.values[0], clamped: step.clamped[0] === 1 };
  };

  it('convergence: p99 is unclamped before the incident and clamped at the 30 s bound during it', async () => {
    const key = histogramKey({});
    const before = percentile(
      await modelAt('convergence', 'time_series', instants.normal, instants.normal, true),
      0.99,
      key
    );
    expect(before.clamped).toBe(false);
    expect(before.value).toBeLessThan(30);
    const during = percentile(
      await modelAt('convergence', 'time_series', instants.slow, instants.slow, true),
      0.99,
      key
    );
    expect(during).toEqual({ value: 30, clamped: true });
    expect(await prom.queryValue(`histogram_quantile(0.99, ${QUERIES.convergence})`, instants.slow)).toBe(30);
  });

  it('several histograms at once: one per cluster and one per service', async () => {
    expect(
      (await modelAt('convergencePerCluster', 'table', instants.normal, instants.normal, true)).length
    ).toBeGreaterThanOrEqual(2);
    expect(
      (await modelAt('requestsPerService', 'heatmap', instants.normal, instants.normal, true)).length
    ).toBeGreaterThanOrEqual(5);
  });

  it('failures: the spiked service has a 5xx p50 during the spike and NaN (no observations) after it, like Prometheus', async () => {
    const key = histogramKey({ destination_workload: 'reviews-v1' });
    const during = percentile(
      await modelAt('failuresPerService', 'time_series', instants.slow, instants.slow, true),
      0.5,
      key
    );
    expect(Number.isFinite(during.value)).toBe(true);
    const afterwards = await modelAt('failuresPerService', 'time_series', instants.after, instants.after, true);
    expect(percentile(afterwards, 0.5, key).value).toBeNaN();
    expect(afterwards.find((h) => histogramKey(h.labels) === key)!.problem).toMatch(/no observations/);
    const truth = await prom.query(`histogram_quantile(0.5, ${QUERIES.failuresPerService})`, instants.after);
    expect(truth.find((s) => s.metric.destination_workload === 'reviews-v1')!.value).toBeNaN();
  });
});
