/**
 * The Histogram view in real Chromium on the preview page (the built plugin, loaded as Grafana loads it): the
 * figures on screen against values computed from the data by test/histogram/expected.ts, clamped percentiles,
 * malformed buckets, both themes, small multiples and label values that look like markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { openPage, waitForPreview } from '../helpers/chromium';
import { pixelStats } from '../helpers/pixels';
import { previewInChromium } from '../helpers/previewSession';
import { cumulativeOverRange, DataFrameJSONLike, overflowShare, percentText, quantile, secondsOf, shareAtBound } from '../histogram/expected';

const SECONDS = encodeURIComponent(JSON.stringify({ unit: 's' }));
const FIXTURE = 'convergence-timeseries';
const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'preview', 'fixtures', `${FIXTURE}.json`), 'utf8')) as DataFrameJSONLike[];

const session = previewInChromium();

const T0 = 1_764_082_800_000;

/** Time-series frames of one histogram: `rows[t][b]` is the cumulative count of bucket `les[b]` at step t. */
function bucketFrames(les: string[], rows: number[][], labels: Record<string, string> = {}): DataFrameJSONLike[] {
  return les.map((le, b) => ({
    schema: { fields: [{ name: 'Time', type: 'time' }, { name: 'Value', type: 'number', labels: { ...labels, le } }] },
    data: { values: [rows.map((_, t) => T0 + t * 30_000), rows.map((row) => row[b])] },
  }));
}

async function openHistogram(query: string, frames?: DataFrameJSONLike[]) {
  const { page, errors } = await openPage(session.browser);
  await page.goto(`${session.preview.url}?view=histogram&fieldConfig=${SECONDS}&${query}`);
  await page.waitForFunction(() => window.meshscopePreview !== undefined);
  if (frames) {
    await page.evaluate((json) => window.meshscopePreview.setFrames(json as never), frames);
  }
  await waitForPreview(page);
  return { page, errors };
}

interface FigureOnScreen {
  text: string;
  value: number;
  kind: string | null;
}

async function figure(scope: Page | ReturnType<Page['getByTestId']>, testId: string): Promise<FigureOnScreen> {
  const element = scope.getByTestId(testId);
  return {
    text: (await element.getByTestId(`${testId}-text`).textContent()) ?? '',
    value: Number(await element.getAttribute('data-value')),
    kind: await element.getAttribute('data-kind'),
  };
}

/** Asserts a percentile figure: its number equals the expectation and its text rounds to it (3 significant digits). */
function expectPercentile(shown: FigureOnScreen, expected: { value: number; clamped: boolean }) {
  expect(Math.abs(shown.value - expected.value)).toBeLessThanOrEqual(1e-9 * expected.value);
  expect(Math.abs(secondsOf(shown.text) - expected.value)).toBeLessThanOrEqual(0.005 * expected.value);
  expect(shown.text.startsWith('≥ ')).toBe(expected.clamped);
  expect(shown.kind).toBe(expected.clamped ? 'clamped' : null);
}

describe.each(['dark', 'light'] as const)('%s theme', (theme) => {
  it('shows the fixture’s shares, +Inf overflow and percentiles, and draws the distribution and heatmap', async () => {
    const { page, errors } = await openHistogram(`theme=${theme}&fixture=${FIXTURE}`);
    const c = cumulativeOverRange(fixture);
    for (const bound of [0.1, 0.5, 1, 3]) {
      const shown = await figure(page, `histogram-share-${bound}`);
      expect(shown.text).toBe(percentText(shareAtBound(c, bound)));
      expect(shown.value).toBeCloseTo(shareAtBound(c, bound), 12);
    }
    const overflow = await figure(page, 'histogram-overflow');
    expect(overflow.text).toBe(`${percentText(overflowShare(c))} > 30 s`);
    for (const q of [0.5, 0.9, 0.99]) {
      expectPercentile(await figure(page, `histogram-percentile-${q}`), quantile(c, q));
    }
    const canvas = pixelStats(await page.getByTestId('histogram-canvas').screenshot());
    expect(canvas.colours).toBeGreaterThan(50);
    expect(canvas.inked).toBeGreaterThan(0.3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a percentile whose rank falls in +Inf as "≥ 30 s", never "30 s"', async () => {
    const les = ['1', '30', '+Inf'];
    const rows = [
      [10, 90, 100],
      [20, 180, 200],
    ];
    const { page, errors } = await openHistogram(`theme=${theme}`, bucketFrames(les, rows));
    const c = cumulativeOverRange(bucketFrames(les, rows));
    expectPercentile(await figure(page, 'histogram-percentile-0.5'), quantile(c, 0.5));
    const p99 = await figure(page, 'histogram-percentile-0.99');
    expect(p99.text).toBe('≥ 30 s');
    expectPercentile(p99, { value: 30, clamped: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('malformed buckets give a clear message, never an exception', () => {
  const cases: Array<[string, DataFrameJSONLike[], RegExp]> = [
    ['no +Inf bucket', bucketFrames(['0.1', '1'], [[1, 2]]), /No le="\+Inf" bucket \(the highest is le="1"\)/],
    ['a single bucket', bucketFrames(['+Inf'], [[5]]), /Only one bucket/],
    ['NaN samples', bucketFrames(['0.1', '+Inf'], [[NaN, 3]]), /NaN/],
    ['all zero', bucketFrames(['0.1', '1', '+Inf'], [[0, 0, 0], [0, 0, 0]]), /All 3 buckets are zero .* no observations/],
  ];
  it.each(cases)('%s', async (_, frames, message) => {
    const { page, errors } = await openHistogram('', frames);
    const shown = page.getByTestId('meshscope-message');
    await shown.waitFor({ timeout: 10_000 });
    expect(await shown.textContent()).toMatch(message);
    expect(await page.getByTestId('histogram-canvas').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

it('draws one small multiple per histogram, each with its own figures, and label values as text', async () => {
  const markup = '<img src=x onerror="window.__injected=1"><b>east</b>';
  const east = [[30, 80, 100]];
  const west = [[10, 50, 100]];
  const les = ['0.1', '1', '+Inf'];
  const frames = [...bucketFrames(les, east, { cluster: markup }), ...bucketFrames(les, west, { cluster: 'west' })];
  const { page, errors } = await openHistogram('width=1000&height=700', frames);
  const multiples = page.locator('[data-testid^="histogram-multiple-"]');
  expect(await multiples.count()).toBe(2);
  for (const [labels, rows] of [[markup, east], ['west', west]] as const) {
    const cell = multiples.filter({ hasText: `cluster="${labels}"` });
    expect(await cell.count()).toBe(1);
    const c = cumulativeOverRange(bucketFrames(les, rows));
    expect((await figure(cell, 'histogram-share-0.1')).text).toBe(percentText(shareAtBound(c, 0.1)));
    expectPercentile(await figure(cell, 'histogram-percentile-0.5'), quantile(c, 0.5));
    expect(await cell.getByTestId('histogram-canvas').count()).toBe(1);
  }
  expect(await page.locator('[data-testid="histogram-view"] img, [data-testid="histogram-view"] b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  expect(errors).toEqual([]);
  await page.close();
});
