import { Browser } from 'playwright-core';
import { requireBuild } from './build';
import { launchChromium } from './chromium';
import { PreviewOptions, PreviewServer, startPreview } from '../preview/server';

export interface PreviewSession {
  browser: Browser;
  preview: PreviewServer;
}

/**
 * One preview server and one Chromium for a whole test file, started in beforeAll and stopped in afterAll. The
 * returned object is filled once beforeAll has run, so tests read `session.browser` / `session.preview`.
 */
export function previewInChromium(options: PreviewOptions = {}): PreviewSession {
  const session = {} as PreviewSession;
  beforeAll(async () => {
    requireBuild();
    session.preview = await startPreview(options);
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all([session.browser?.close(), session.preview?.close()]);
  });
  return session;
}
