/**
 * The Topology view on a display with a device pixel ratio of 2 (most laptops), in real Chromium on the preview
 * page: each canvas holds twice its CSS size in pixels for sharpness, yet covers exactly the panel's drawing area.
 * Sized only by its pixel count, a canvas showed at twice the panel's size, cropped, with hover and clicks off target.
 */
import type { Browser } from 'playwright-core';
import { requireBuild } from '../helpers/build';
import { launchChromium, waitForPreview } from '../helpers/chromium';
import { startPreview, type PreviewServer } from '../preview/server';

let preview: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  requireBuild();
  [preview, browser] = await Promise.all([startPreview({}), launchChromium()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
});

test('at devicePixelRatio 2 both canvases cover the drawing area exactly, with twice its pixels', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${preview.url}?view=topology&fixture=istio-requests-instant-table`);
  await waitForPreview(page);
  const boxes = await page.evaluate(() =>
    ['meshscope-topology-canvas', 'meshscope-topology-hover'].map((id) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)!;
      const css = canvas.getBoundingClientRect();
      const area = canvas.parentElement!.getBoundingClientRect();
      return {
        id,
        css: [css.width, css.height],
        area: [area.width, area.height],
        pixels: [canvas.width, canvas.height],
      };
    })
  );
  for (const b of boxes) {
    expect({ id: b.id, css: b.css }).toEqual({ id: b.id, css: b.area });
    expect({ id: b.id, pixels: b.pixels }).toEqual({ id: b.id, pixels: b.area.map((v) => Math.round(v * 2)) });
  }
  await context.close();
});
