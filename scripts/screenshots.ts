import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openPage, waitForPreview } from '../test/helpers/chromium';
import { demoPages } from './demoPages';
import { startStack } from './stack';

// `npm run screenshots`: the README's pictures, taken from the preview page on live simulator data, so they show
// what a user of the generated dashboards sees. Needs `npm run build && npm run dashboards` first.
const OUT = join(__dirname, '..', 'docs', 'screenshots');
const WARM_UP_MS = 90_000;

const fileName = (title: string) =>
  title
    .toLowerCase()
    .replace(/^istio /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

async function main() {
  const stack = await startStack({ scrapeInterval: '2s' });
  const browser = await launchChromium();
  try {
    if (!stack.prometheus) {
      throw new Error('screenshots need live data: install Prometheus');
    }
    console.log(`waiting ${WARM_UP_MS / 1000} s for the rate windows to fill`);
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    mkdirSync(OUT, { recursive: true });
    for (const demo of demoPages(join(__dirname, '..', 'provisioning', 'dashboards'))) {
      for (const theme of ['dark', 'light']) {
        const { page, errors } = await openPage(browser, { width: 1200, height: 720 });
        await page.goto(`${stack.preview.url}${demo.search}&theme=${theme}`);
        await waitForPreview(page);
        await page.waitForTimeout(1500);
        const file = join(OUT, `${fileName(demo.title)}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(`${file}${errors.length ? ` (console errors: ${errors.join('; ')})` : ''}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
