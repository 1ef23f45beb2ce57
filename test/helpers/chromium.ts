import { existsSync } from 'node:fs';
import { Browser, BrowserContext, ConsoleMessage, Page, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed network refuses.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, driven by playwright-core (its own browser download cannot reach its CDN from here), with a
 * fresh temporary profile per launch; fails with the install command when Chromium is missing.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH)`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...ARGS, ...extraArgs] });
}

/**
 * Benchmarks measure what a frame costs, not the display's refresh: with these flags requestAnimationFrame runs
 * as fast as the page can draw instead of at 60 Hz.
 */
export const UNTHROTTLED_FRAMES = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/** A page that records console errors and uncaught exceptions, so a test can assert there were none. */
export async function openPage(context: Browser | BrowserContext, viewport = { width: 1000, height: 600 }) {
  const page: Page = await context.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Waits until the preview page has rendered a data load (or failed, with its message). */
export async function waitForPreview(page: Page, minLoads = 1) {
  await page.waitForFunction(
    (n) => window.meshscopePreview?.status === 'error' || (window.meshscopePreview?.loads ?? 0) >= n,
    minLoads,
    { timeout: 30_000 }
  );
  const state = await page.evaluate(() => ({
    status: window.meshscopePreview.status,
    error: window.meshscopePreview.error,
  }));
  if (state.status === 'error') {
    throw new Error(`the preview page reported: ${state.error}`);
  }
}
