// `npm run bench` section: the Histogram view with 10,000 time steps × 20 buckets in headless Chromium.
//
// render_ms: on the preview page (the built plugin, loaded as Grafana loads it), from handing the page the frames
// (window.meshscopePreview.setFrames, which also builds Grafana DataFrames from the JSON, as the data source
// does) to the completed frame: measured in the page with performance.now(), ending at the requestAnimationFrame
// after the panel has committed and its canvas effect has drawn. Median of RUNS after one warm-up.
// max_rel_quantile_error: the model's p50/p90/p99 at every step, and the range percentiles shown on screen,
// against a plain histogram_quantile written from Prometheus's documentation (test/histogram/expected.ts).
import '../test/preview/prometheus/node-dom';
import { dataFrameFromJSON, DataFrameJSON } from '@grafana/data';
import type { Page } from 'playwright-core';
import { computeHistograms } from '../src/histogram/model';
import { launchChromium, openPage, waitForPreview } from '../test/helpers/chromium';
import { requireBuild } from '../test/helpers/build';
import { startPreview } from '../test/preview/server';
import { Cumulative, cumulativeOverRange, quantile } from '../test/histogram/expected';
import { median } from './stats';

const STEPS = 10_000;
const BUCKETS = 20;
const STEP_MS = 15_000;
const QUANTILES = [0.5, 0.9, 0.99];
const RUNS = 7;

/** 19 finite bounds doubling from 5 ms, then +Inf. */
const BOUNDS = [...Array.from({ length: BUCKETS - 1 }, (_, i) => 0.005 * 2 ** i), Infinity];

/** Standard normal CDF (Abramowitz–Stegun 7.1.26), enough for shaping test data. */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Cumulative bucket rates per step of a log-normal whose median drifts over three decades, so the percentiles
 * cross many buckets and p99 sometimes lands in +Inf (clamped).
 */
function cumulativeRows(): number[][] {
  return Array.from({ length: STEPS }, (_, t) => {
    const median = 0.05 * Math.exp(3.5 * Math.sin(t / 700));
    const total = 40 + 25 * Math.sin(t / 97);
    return BOUNDS.map((bound) => (bound === Infinity ? total : total * normalCdf(Math.log(bound / median) / 1.2)));
  });
}

/** Grafana's time-series frames for `sum by (le) (rate(…_bucket[…]))`: one frame per `le` series. */
function frames(rows: number[][]): DataFrameJSON[] {
  const times = rows.map((_, t) => 1_764_000_000_000 + t * STEP_MS);
  return BOUNDS.map((bound, b) => ({
    schema: {
      refId: 'A',
      fields: [
        { name: 'Time', type: 'time' as never },
        { name: 'Value', type: 'number' as never, labels: { le: bound === Infinity ? '+Inf' : String(bound) } },
      ],
    },
    data: { values: [times, rows.map((row) => row[b])] },
  }));
}

function relativeError(actual: number, expected: number): number {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual) ? 0 : Infinity;
  }
  return actual === expected ? 0 : Math.abs(actual - expected) / Math.abs(expected);
}

/** The model's per-step percentiles against the reference. */
function stepQuantileError(json: DataFrameJSON[], rows: number[][]): number {
  const [h] = computeHistograms(
    json.map((f) => dataFrameFromJSON(f)),
    { percentiles: QUANTILES, shareBounds: [] }
  ).histograms;
  let worst = 0;
  rows.forEach((row, t) => {
    const cumulative: Cumulative = new Map(BOUNDS.map((bound, b) => [bound, row[b]]));
    for (const step of h.steps) {
      worst = Math.max(worst, relativeError(step.values[t], quantile(cumulative, step.q).value));
    }
  });
  return worst;
}

/**
 * In the page: hand over the frames and wait for the panel to have drawn them; resolves to milliseconds. Source
 * text rather than a function because tsx's transform would wrap named functions in a helper the page lacks.
 * Passive effects (the canvas drawing) run after the commit's paint, so a macrotask lets them flush before the
 * closing requestAnimationFrame.
 */
const TIME_RENDER = `new Promise((resolve) => {
  const loads = window.meshscopePreview.loads;
  const started = performance.now();
  window.meshscopePreview.setFrames(window.benchFrames);
  const check = () => {
    if (window.meshscopePreview.loads > loads && document.querySelector('[data-testid="histogram-canvas"]')) {
      setTimeout(() => requestAnimationFrame(() => resolve(performance.now() - started)), 0);
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
})`;

const timeRender = (page: Page): Promise<number> => page.evaluate(TIME_RENDER);

export async function benchHistogram(): Promise<{
  steps: number;
  buckets: number;
  render_ms: number;
  max_rel_quantile_error: number;
}> {
  requireBuild();
  const rows = cumulativeRows();
  const json = frames(rows);
  const preview = await startPreview();
  const browser = await launchChromium();
  try {
    const { page, errors } = await openPage(browser, { width: 1200, height: 700 });
    await page.goto(`${preview.url}?view=histogram&fieldConfig=${encodeURIComponent('{"unit":"s"}')}`);
    await page.waitForFunction(() => window.meshscopePreview !== undefined);
    await page.evaluate((data) => ((window as unknown as { benchFrames: unknown }).benchFrames = data), json as never);
    const times: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const ms = await timeRender(page);
      if (run > 0) {
        times.push(ms);
      }
    }
    await waitForPreview(page);
    const range = cumulativeOverRange(json as never);
    let worst = stepQuantileError(json, rows);
    for (const q of QUANTILES) {
      const shown = Number(await page.getByTestId(`histogram-percentile-${q}`).getAttribute('data-value'));
      worst = Math.max(worst, relativeError(shown, quantile(range, q).value));
    }
    if (errors.length > 0) {
      throw new Error(`the preview page logged errors: ${errors.join('; ')}`);
    }
    return {
      steps: STEPS,
      buckets: BUCKETS,
      render_ms: Math.round(median(times) * 10) / 10,
      max_rel_quantile_error: worst,
    };
  } finally {
    await browser.close();
    await preview.close();
  }
}
