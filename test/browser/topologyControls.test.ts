/**
 * The Topology view's controls in Chromium on the preview page (standing in for Grafana): export as JSON and PNG,
 * hiding idle edges and the colour-blind palette, on hand-made frames with known figures. Each runs on Grafana 13's
 * shared modules (React 19) and on Grafana 12's (React 18).
 */
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { previewInChromium } from '../helpers/previewSession';
import { pixelsNear, readPng } from '../helpers/pixels';
import { request, tableFrame } from '../topology/frames';
import { hookEdges, openTopology, waitForGraph } from '../topology/page';
import { GRAFANA_HOSTS } from '../preview/grafanaHosts';

// frontend → cart 10 rps healthy, cart → ledger idle (0 rps), frontend → ledger 5 rps all 503s.
const FRAMES = [
  tableFrame('A', [
    request('frontend', 'cart', 10),
    request('cart', 'ledger', 0),
    request('frontend', 'ledger', 5, { response_code: '503' }),
  ]),
];

describe.each(GRAFANA_HOSTS)("on Grafana %s's shared modules", (grafana) => {
  const session = previewInChromium({ grafana });

  async function open(options: object = {}) {
    const query = `options=${encodeURIComponent(JSON.stringify({ topology: options }))}`;
    const opened = await openTopology(session.browser, session.preview.url, query, FRAMES);
    await waitForGraph(opened.page);
    return opened;
  }

  async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
  }

  it('exports the graph as JSON with its nodes, edge figures and positions', async () => {
    const { page, errors } = await open();
    const { name, body } = await download(page, 'meshscope-topology-export-json');
    expect(name).toMatch(/\.json$/);
    const json = JSON.parse(body.toString('utf8')) as {
      nodes: Array<{ label: string; x: number; y: number }>;
      edges: Array<{ source: string; target: string; rate: number; errorShare?: number }>;
    };
    expect(json.nodes.map((n) => n.label).sort()).toEqual(['cart', 'frontend', 'ledger']);
    expect(json.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    const rates = json.edges.map((e) => e.rate).sort((a, b) => a - b);
    expect(rates).toEqual([0, 5, 10]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the picture as a PNG of the drawn canvas', async () => {
    const { page, errors } = await open();
    const { name, body } = await download(page, 'meshscope-topology-export-png');
    expect(name).toMatch(/\.png$/);
    const png = readPng(body);
    expect(png.width).toBeGreaterThan(100);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      colours.add((png.data[i] >> 4) * 256 + (png.data[i + 1] >> 4) * 16 + (png.data[i + 2] >> 4));
    }
    expect(colours.size).toBeGreaterThan(8);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides idle edges when asked, and only those', async () => {
    const all = await open();
    expect((await hookEdges(all.page)).map((e) => e.rate).sort((a, b) => a - b)).toEqual([0, 5, 10]);
    await all.page.close();
    const busy = await open({ hideIdleEdges: true });
    expect((await hookEdges(busy.page)).map((e) => e.rate).sort((a, b) => a - b)).toEqual([5, 10]);
    expect(busy.errors).toEqual([]);
    await busy.page.close();
  });

  it('draws health in the Okabe–Ito palette when the colour-blind option is on', async () => {
    const grafanaGreen = [0x73, 0xbf, 0x69];
    const okabeBlue = [0x00, 0x72, 0xb2];
    const shot = async (colorBlind: boolean) => {
      const { page, errors } = await open({ colorBlind });
      const picture = readPng(await page.getByTestId('meshscope-topology-canvas').screenshot());
      expect(errors).toEqual([]);
      await page.close();
      return picture;
    };
    const standard = await shot(false);
    const safe = await shot(true);
    expect(pixelsNear(standard, grafanaGreen)).toBeGreaterThan(20);
    expect(pixelsNear(standard, okabeBlue)).toBe(0);
    expect(pixelsNear(safe, okabeBlue)).toBeGreaterThan(20);
    expect(pixelsNear(safe, grafanaGreen)).toBe(0);
  });
});
