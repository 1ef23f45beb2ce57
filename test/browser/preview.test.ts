/**
 * The preview page in real Chromium: the built plugin is loaded by SystemJS from Grafana's plugin path with
 * Grafana's shared modules, and renders in both themes. Grafana itself is not here; the page stands in for it.
 */
import { openPage, waitForPreview } from '../helpers/chromium';
import { pixelStats } from '../helpers/pixels';
import { previewInChromium } from '../helpers/previewSession';
import { GRAFANA_HOSTS, GrafanaHost } from '../preview/grafanaHosts';

const frames = {
  notBuckets: [
    {
      schema: {
        fields: [
          { name: 'Time', type: 'time' },
          { name: 'Value', type: 'number', labels: { pod: 'a' } },
        ],
      },
      data: {
        values: [
          [1, 2],
          [3, 4],
        ],
      },
    },
  ],
};

// The plugin runs on the React of the Grafana that loads it: Grafana 12 has React 18, Grafana 13.2 React 19.
const REACT_OF: Record<GrafanaHost, RegExp> = { '13': /^19\./, '12': /^18\./ };

describe.each(GRAFANA_HOSTS)("on Grafana %s's shared modules", (grafana) => {
  const session = previewInChromium({ grafana });

  it(`offers the plugin Grafana ${grafana}'s React and names that Grafana in its boot data`, async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.preview.url}?view=histogram`);
    await page.waitForFunction(() => window.meshscopePreview !== undefined);
    const host = await page.evaluate(() => {
      const system = (window as unknown as { System: { get(id: string): Record<string, unknown> } }).System;
      const runtime = system.get('package:@grafana/runtime') as { config: { buildInfo: { version: string } } };
      return { react: system.get('package:react').version, grafana: runtime.config.buildInfo.version };
    });
    expect(host.react).toMatch(REACT_OF[grafana]);
    expect(host.grafana).toMatch(new RegExp(`^${grafana}\\.`));
    expect(errors).toEqual([]);
    await page.close();
  });

  describe.each(['dark', 'light'] as const)('the preview page, %s theme', (theme) => {
    it('loads the plugin through SystemJS and draws the panel without console errors', async () => {
      const { page, errors } = await openPage(session.browser);
      await page.goto(`${session.preview.url}?theme=${theme}&view=histogram`);
      await page.waitForFunction(() => window.meshscopePreview !== undefined);
      await page.evaluate((json) => window.meshscopePreview.setFrames(json as never), frames.notBuckets);
      await waitForPreview(page);
      const panel = page.getByTestId('preview-panel');
      await panel.getByTestId('meshscope-message').waitFor();
      const stats = pixelStats(await panel.screenshot());
      expect(stats.colours).toBeGreaterThan(10);
      expect(stats.inked).toBeGreaterThan(0.01);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      expect(theme === 'dark' ? luminance < 40 : luminance > 230).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it('shows "No data" for an empty result and says what it expected for frames it cannot draw', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.preview.url}?view=histogram`);
    await page.waitForFunction(() => window.meshscopePreview !== undefined);
    await page.evaluate(() => window.meshscopePreview.setFrames([]));
    await waitForPreview(page);
    await expectText(page, 'No data');
    await page.evaluate((json) => window.meshscopePreview.setFrames(json as never), frames.notBuckets);
    await waitForPreview(page, 2);
    await expectText(page, 'not something the Histogram view can draw');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports a fixture that does not exist instead of rendering nothing', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.preview.url}?fixture=no-such-fixture`);
    await expect(waitForPreview(page)).rejects.toThrow(/fixture "no-such-fixture" could not be loaded: 404/);
    await page.close();
  });
});

async function expectText(page: import('playwright-core').Page, text: string) {
  await page.getByTestId('meshscope-message').filter({ hasText: text }).waitFor({ timeout: 10_000 });
}
