/**
 * The Histogram view in real Chromium on the preview page (the built plugin, loaded as Grafana loads it): the
 * figures on screen against values computed from the data by test/histogram/expected.ts, the heatmap's colour
 * legend against its busiest cell, clamped percentiles, malformed buckets, both themes, small multiples and label
 * values that look like markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { openPage, waitForPreview } from '../helpers/chromium';
import { colourAt, pixelsNear, pixelStats, readPng, type Screenshot } from '../helpers/pixels';
import { previewInChromium } from '../helpers/previewSession';
import {
  busiestCell,
  cumulativeOverRange,
  DataFrameJSONLike,
  overflowShare,
  percentText,
  quantile,
  secondsOf,
  shareAtBound,
} from '../histogram/expected';

const SECONDS = encodeURIComponent(JSON.stringify({ unit: 's' }));
const FIXTURE = 'convergence-timeseries';
const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'preview', 'fixtures', `${FIXTURE}.json`), 'utf8')
) as DataFrameJSONLike[];

const session = previewInChromium();

const T0 = 1_764_082_800_000;

/** Time-series frames of one histogram: `rows[t][b]` is the cumulative count of bucket `les[b]` at step t. */
function bucketFrames(les: string[], rows: number[][], labels: Record<string, string> = {}): DataFrameJSONLike[] {
  return les.map((le, b) => ({
    schema: {
      fields: [
        { name: 'Time', type: 'time' },
        { name: 'Value', type: 'number', labels: { ...labels, le } },
      ],
    },
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

  it('labels the heatmap’s colours from 0 to its busiest cell’s count (or rate), whose colour ends the legend’s bar', async () => {
    const { page, errors } = await openHistogram(`theme=${theme}&fixture=${FIXTURE}`);
    const busiest = busiestCell(fixture);
    const legend = await legendOnScreen(page);
    expect(legend.caption).toBe('count (or rate) per step, √ scale');
    expect(legend.ticks.map((t) => t.text)).toEqual(['0', countText(busiest.value / 4), countText(busiest.value)]);
    expect(legend.ticks[0].value).toBe(0);
    expect(legend.ticks[1].value).toBeCloseTo(busiest.value / 4, 12);
    expect(legend.ticks[2].value).toBeCloseTo(busiest.value, 12);

    // The colour at the bar's top end covers exactly one cell of the heatmap, and the tooltip there is the busiest.
    const { origin, bottom, top, cellsOf } = await canvasWithLegend(page);
    expect(top).not.toEqual(bottom);
    const cell = cellsOf(top);
    expect(cell.count).toBeGreaterThan(20);
    // One rectangle, bar the odd pixel a percentile line crosses.
    expect(cell.count).toBeGreaterThan(0.9 * (cell.right - cell.left + 1) * (cell.bottom - cell.top + 1));
    await page.mouse.move(origin.x + (cell.left + cell.right) / 2, origin.y + (cell.top + cell.bottom) / 2);
    const tooltip = await page.getByTestId('histogram-tooltip').textContent();
    expect(tooltip).toContain(`(0 s, ${busiest.bound * 1000} ms] at ${new Date(busiest.time).toISOString()}`);
    expect(tooltip).toContain(`count (or rate): ${legend.ticks[2].text}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws bars, percentile markers and the heatmap with its legend in the colour-blind palette when asked, only then', async () => {
    const grafana = GRAFANA[theme];
    const drawn = async (colorBlind: boolean, frames?: DataFrameJSONLike[]) => {
      const options = encodeURIComponent(JSON.stringify({ histogram: { colorBlind } }));
      const { page, errors } = await openHistogram(
        `theme=${theme}&options=${options}${frames ? '' : `&fixture=${FIXTURE}`}`,
        frames
      );
      const { shot, bottom, top, cellsOf } = await canvasWithLegend(page);
      const captions = await Promise.all(
        [0.5, 0.9, 0.99].map((q) =>
          page
            .getByTestId(`histogram-percentile-${q}`)
            .evaluate((e) => getComputedStyle(e.lastElementChild!).borderTopColor)
        )
      );
      expect(errors).toEqual([]);
      await page.close();
      return {
        near: (colour: number[]) => pixelsNear(shot, colour),
        legendEnds: [bottom, top],
        busiestCell: cellsOf(top).count,
        captions,
      };
    };
    const standard = await drawn(false);
    const safe = await drawn(true);

    // Bars: Okabe–Ito blue instead of the theme's.
    expect(safe.near(OKABE_ITO.blue)).toBeGreaterThan(20_000);
    expect(safe.near(grafana.blue)).toBe(0);
    expect(standard.near(OKABE_ITO.blue)).toBe(0);
    expect(standard.near(grafana.blue)).toBeGreaterThan(20_000);
    // p50, p90, p99: markers on the canvas and the figures' colour rules.
    for (const colour of [OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.vermillion]) {
      expect(safe.near(colour)).toBeGreaterThan(100);
    }
    expect(safe.near(grafana.green)).toBe(0);
    expect(standard.near(OKABE_ITO.bluishGreen)).toBe(0);
    expect(standard.near(grafana.green)).toBeGreaterThan(100);
    expect(safe.captions).toEqual(['rgb(0, 158, 115)', 'rgb(204, 121, 167)', 'rgb(213, 94, 0)']);
    expect(standard.captions[0]).toBe(`rgb(${grafana.green.join(', ')})`);
    // Heatmap: cividis from the fewest observations to the most, gaining contrast against the background; the
    // legend's ends are its ends and the busiest cell has the top one.
    expect(safe.legendEnds).toEqual(theme === 'dark' ? [CIVIDIS_FEWEST, CIVIDIS_MOST] : [CIVIDIS_MOST, CIVIDIS_FEWEST]);
    expect(safe.busiestCell).toBeGreaterThan(20);
    expect(standard.legendEnds).toEqual(grafana.heatEnds);
    // The +Inf bucket, a tenth of all observations here: Okabe–Ito orange instead of the theme's.
    const overflow = await drawn(
      true,
      bucketFrames(
        ['1', '30', '+Inf'],
        [
          [10, 90, 100],
          [20, 180, 200],
        ]
      )
    );
    expect(overflow.near(OKABE_ITO.orange)).toBeGreaterThan(500);
    expect(overflow.near(grafana.orange)).toBe(0);
    expect(
      (
        await drawn(
          false,
          bucketFrames(
            ['1', '30', '+Inf'],
            [
              [10, 90, 100],
              [20, 180, 200],
            ]
          )
        )
      ).near(grafana.orange)
    ).toBeGreaterThan(500);
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

interface LegendOnScreen {
  caption: string | null;
  ticks: Array<{ text: string; value: number }>;
}

async function legendOnScreen(scope: Page | Locator): Promise<LegendOnScreen> {
  const legend = scope.getByTestId('histogram-heat-legend');
  return {
    caption: await legend.getByTestId('histogram-heat-legend-caption').textContent(),
    ticks: await legend
      .getByTestId('histogram-heat-legend-tick')
      .evaluateAll((ticks) =>
        ticks.map((t) => ({ text: t.textContent ?? '', value: Number(t.getAttribute('data-value')) }))
      ),
  };
}

/** Three significant digits, as the heatmap's tooltip writes counts and rates. */
function countText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

/** Okabe and Ito's colours (https://jfly.uni-koeln.de/color/), written out here rather than taken from src/. */
const OKABE_ITO = {
  blue: [0x00, 0x72, 0xb2],
  orange: [0xe6, 0x9f, 0x00],
  bluishGreen: [0x00, 0x9e, 0x73],
  reddishPurple: [0xcc, 0x79, 0xa7],
  vermillion: [0xd5, 0x5e, 0x00],
};
/** The first and last entries of cividis (matplotlib's _cividis_data) in 8-bit sRGB. */
const CIVIDIS_FEWEST = [0, 34, 78];
const CIVIDIS_MOST = [254, 232, 56];
/** The default palette: the Grafana theme's blue (bars), orange (+Inf) and green (p50), and the heatmap's ends. */
const GRAFANA = {
  dark: {
    blue: [0x57, 0x94, 0xf2],
    orange: [0xff, 0x98, 0x30],
    green: [0x73, 0xbf, 0x69],
    heatEnds: [
      [22, 45, 92],
      [192, 216, 255],
    ],
  },
  light: {
    blue: [0x32, 0x74, 0xd9],
    orange: [0xff, 0x78, 0x0a],
    green: [0x56, 0xa6, 0x4b],
    heatEnds: [
      [222, 235, 255],
      [12, 38, 92],
    ],
  },
};

/** The canvas's pixels, the colours at the bottom (left) and top (right) ends of the legend's bar, and the cells'. */
async function canvasWithLegend(page: Page) {
  const canvas = page.getByTestId('histogram-canvas');
  const shot = readPng(await canvas.screenshot());
  const origin = (await canvas.boundingBox())!;
  const bar = (await page.getByTestId('histogram-heat-legend-bar').boundingBox())!;
  const strip = (await page.getByTestId('histogram-heat-legend').boundingBox())!;
  const row = Math.round(bar.y + bar.height / 2 - origin.y);
  return {
    shot,
    origin,
    bottom: colourAt(shot, Math.round(bar.x - origin.x), row),
    top: colourAt(shot, Math.round(bar.x + bar.width - 1 - origin.x), row),
    /** Where a colour occurs in the heatmap, above the legend. */
    cellsOf: (colour: number[]) => pixelsOf(shot, colour, Math.round(strip.y - origin.y)),
  };
}

/** Where a colour occurs exactly above row `below`: how often, and the box around it. */
function pixelsOf(png: Screenshot, colour: number[], below: number) {
  const found = { count: 0, left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let y = 0; y < below; y++) {
    for (let x = 0; x < png.width; x++) {
      const c = colourAt(png, x, y);
      if (c[0] === colour[0] && c[1] === colour[1] && c[2] === colour[2]) {
        found.count++;
        found.left = Math.min(found.left, x);
        found.right = Math.max(found.right, x);
        found.top = Math.min(found.top, y);
        found.bottom = Math.max(found.bottom, y);
      }
    }
  }
  return found;
}

it('keeps the legend’s labels apart and inside the canvas on a narrow panel, dropping the middle tick', async () => {
  const { page, errors } = await openHistogram(`width=300&height=600&fixture=${FIXTURE}`);
  const legend = await legendOnScreen(page);
  expect(legend.ticks.map((t) => t.value)).toEqual([0, busiestCell(fixture).value]);
  const canvas = (await page.getByTestId('histogram-canvas').boundingBox())!;
  const boxes = await Promise.all(
    ['histogram-heat-legend-caption', 'histogram-heat-legend-bar'].map((id) => page.getByTestId(id).boundingBox())
  );
  const ticks = await page
    .getByTestId('histogram-heat-legend-tick')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const [caption, bar] = boxes.map((b) => b!);
  expect(caption.x + caption.width).toBeLessThanOrEqual(bar.x);
  expect(ticks[0].right).toBeLessThan(ticks[1].left);
  for (const box of [caption, bar, ...ticks]) {
    expect(box.x).toBeGreaterThanOrEqual(canvas.x);
    expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height + 0.5);
  }
  expect(errors).toEqual([]);
  await page.close();
});

describe('malformed buckets give a clear message, never an exception', () => {
  const cases: Array<[string, DataFrameJSONLike[], RegExp]> = [
    ['no +Inf bucket', bucketFrames(['0.1', '1'], [[1, 2]]), /No le="\+Inf" bucket \(the highest is le="1"\)/],
    ['a single bucket', bucketFrames(['+Inf'], [[5]]), /Only one bucket/],
    ['NaN samples', bucketFrames(['0.1', '+Inf'], [[NaN, 3]]), /NaN/],
    [
      'all zero',
      bucketFrames(
        ['0.1', '1', '+Inf'],
        [
          [0, 0, 0],
          [0, 0, 0],
        ]
      ),
      /All 3 buckets are zero .* no observations/,
    ],
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
  for (const [labels, rows] of [
    [markup, east],
    ['west', west],
  ] as const) {
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
