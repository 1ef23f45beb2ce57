import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator } from '../simulator';
import { startPrometheus } from '../test/helpers/prometheus';
import { startPreview } from '../test/preview/server';
import { demoPages } from './demoPages';

// `npm start`: the whole local stack without Docker — the mesh simulator, a real Prometheus scraping it (the system
// binary) and the preview page rendering the built plugin on that live data, one page per meshscope panel of the
// generated dashboards. Ctrl-C stops everything.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    topology: { type: 'string', default: 'default' },
    seed: { type: 'string', default: '1' },
  },
});

async function main() {
  const simulator = await startSimulator({ topology: values.topology, seed: Number(values.seed) });
  console.log(`simulator: ${simulator.url} (targets at /sd, ground truth at /truth)`);
  const prometheus = await startPrometheus({ sdUrl: `${simulator.url}/sd`, scrapeInterval: '5s' }).catch((error: Error) => {
    console.error(`Prometheus could not start: ${error.message}`);
    console.error('The preview still runs on its fixtures. Install Prometheus with: sudo apt-get install prometheus');
    return undefined;
  });
  if (prometheus) {
    console.log(`prometheus: ${prometheus.url}`);
  }
  const preview = await startPreview({ port: Number(values.port), prometheusUrl: prometheus?.url });
  console.log(`preview: ${preview.url}`);
  if (prometheus) {
    for (const page of demoPages(join(__dirname, '..', 'provisioning', 'dashboards'))) {
      console.log(`  ${page.title}: ${preview.url}${page.search}`);
    }
  }
  console.log(`  fixtures: ${preview.url}?view=histogram&fixture=convergence-heatmap&fieldConfig=%7B%22unit%22%3A%22s%22%7D`);
  console.log('Ctrl-C stops the simulator, Prometheus and the preview.');

  const stop = async () => {
    await Promise.allSettled([preview.close(), prometheus?.stop(), simulator.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
