import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, waitForPreview } from '../test/helpers/chromium';
import { askForTestHook, waitForGraph } from '../test/topology/page';
import type { EdgeTruth } from '../simulator';
import { DemoPage, demoPages } from './demoPages';
import { startStack, Stack } from './stack';

// `npm run screenshots`: the README's pictures, taken from the preview page on live simulator data, so they show
// what a user of the generated dashboards sees. Needs `npm run build && npm run dashboards` first.
const OUT = join(__dirname, '..', 'src', 'img', 'screenshots');
const DASHBOARDS = join(__dirname, '..', 'provisioning', 'dashboards');
const WARM_UP_MS = 90_000;
const THEMES = ['dark', 'light'] as const;
/** The mesh, panel size and topology panel issue 13 is judged on: what a platform team opens during an incident. */
const LARGE_MESH = 'generated:300x12x900';
const LARGE_PANEL = { width: 1400, height: 850 };
const LARGE_TITLE = 'Istio Mesh / Mesh topology';
/** Long enough for the auto-fit's transition to end and the labels to be placed for the settled view. */
const SETTLE_MS = 1500;

const fileName = (title: string) =>
  title
    .toLowerCase()
    .replace(/^istio /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

async function liveStack(topology?: string, scrapeInterval = '2s'): Promise<Stack> {
  const stack = await startStack({ topology, scrapeInterval });
  if (!stack.prometheus) {
    await stack.stop();
    throw new Error('screenshots need live data: install Prometheus (sudo apt-get install prometheus)');
  }
  console.log(`${topology ?? 'default mesh'}: waiting ${WARM_UP_MS / 1000} s for the rate windows to fill`);
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
  return stack;
}

async function shoot(page: Page, name: string, errors: string[]): Promise<void> {
  const file = join(OUT, `${name}.png`);
  await page.waitForTimeout(SETTLE_MS);
  await page.getByTestId('preview-panel').screenshot({ path: file });
  console.log(`${file}${errors.length ? ` (console errors: ${errors.join('; ')})` : ''}`);
}

/** Every meshscope panel of the generated dashboards on the default mesh, in a 1200×720 window. */
async function dashboardPanels(browser: Browser): Promise<void> {
  const stack = await liveStack();
  try {
    for (const demo of demoPages(DASHBOARDS)) {
      for (const theme of THEMES) {
        const { page, errors } = await openPage(browser, { width: 1200, height: 720 });
        await page.goto(`${stack.preview.url}${demo.search}&theme=${theme}`);
        await waitForPreview(page);
        await shoot(page, `${fileName(demo.title)}-${theme}`, errors);
        await page.close();
      }
    }
  } finally {
    await stack.stop();
  }
}

/** The namespace /truth sends the most requests into: the one a user would open first. */
function busiestNamespace(edges: EdgeTruth[]): string {
  const inbound = new Map<string, number>();
  for (const e of edges) {
    if (e.destination && e.protocol !== 'tcp') {
      inbound.set(e.destination.namespace, (inbound.get(e.destination.namespace) ?? 0) + e.rate);
    }
  }
  return [...inbound].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * The Mesh dashboard's topology panel on the generated 300-workload mesh in a 1400×850 panel: at its default fit (the
 * namespace overview it opens on), then with the busiest namespace expanded in place, as a click on it would.
 */
async function largeMesh(browser: Browser): Promise<void> {
  const stack = await liveStack(LARGE_MESH, '5s');
  try {
    const demo: DemoPage | undefined = demoPages(DASHBOARDS).find((d) => d.title === LARGE_TITLE);
    if (!demo) {
      throw new Error(`no panel titled ${LARGE_TITLE} in ${DASHBOARDS}: run npm run dashboards`);
    }
    const namespace = busiestNamespace(stack.simulator.truth().edges);
    for (const theme of THEMES) {
      const { page, errors } = await openPage(browser, { width: 1440, height: 900 });
      await askForTestHook(page);
      const size = `width=${LARGE_PANEL.width}&height=${LARGE_PANEL.height}`;
      await page.goto(`${stack.preview.url}${demo.search}&${size}&theme=${theme}`);
      await waitForPreview(page);
      await waitForGraph(page);
      await shoot(page, `mesh-300-workloads-overview-${theme}`, errors);
      const group = await page.evaluate((ns) => {
        const node = window.__meshscopeTopology!.nodes().find((n) => n.id.startsWith('ns:') && n.label === ns);
        return node?.id.slice('ns:'.length);
      }, namespace);
      if (!group) {
        throw new Error(`the overview has no node for the busiest namespace, ${namespace}`);
      }
      await page.evaluate(
        (key) => window.meshscopePreview.setOptions({ topology: { expandedNamespaces: [key] } }),
        group
      );
      await page.waitForFunction((id) => !window.__meshscopeTopology!.nodes().some((n) => n.id === id), `ns:${group}`);
      await shoot(page, `mesh-300-workloads-expanded-${theme}`, errors);
      await page.close();
    }
  } finally {
    await stack.stop();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    await dashboardPanels(browser);
    await largeMesh(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
