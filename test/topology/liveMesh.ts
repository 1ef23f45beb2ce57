/** The simulator's default mesh (or another) behind a real Prometheus, the preview page on it, and Chromium: the live browser tests' setup. */
import { Browser } from 'playwright-core';
import { type Simulator, startSimulator, type Topology } from '../../simulator';
import { requireBuild } from '../helpers/build';
import { launchChromium } from '../helpers/chromium';
import { type Prometheus, startPrometheus } from '../helpers/prometheus';
import { startPreview, PreviewServer } from '../preview/server';

export interface LiveMesh {
  sim: Simulator;
  prom: Prometheus;
  preview: PreviewServer;
  browser: Browser;
  /** When Prometheus started scraping (ms since the epoch): a rate window is full that long after it. */
  promStarted: number;
  close(): Promise<void>;
}

/**
 * `topology` as the simulator's --topology takes it, or a topology itself (the default mesh when left out); `scrapeInterval` longer than
 * the default 1 s for meshes whose hundreds of targets one simulator cannot serve every second.
 */
export async function startLiveMesh(
  o: { topology?: string | Topology; scrapeInterval?: string } = {}
): Promise<LiveMesh> {
  requireBuild();
  const sim = await startSimulator({ seed: 6, topology: o.topology });
  const [prom, browser] = await Promise.all([
    startPrometheus({ sdUrl: `${sim.url}/sd`, scrapeInterval: o.scrapeInterval ?? '1s' }),
    launchChromium(),
  ]);
  const promStarted = Date.now();
  const preview = await startPreview({ prometheusUrl: prom.url });
  const close = async () => {
    await Promise.all([browser.close(), preview.close(), prom.stop(), sim.close()]);
  };
  return { sim, prom, preview, browser, promStarted, close };
}
