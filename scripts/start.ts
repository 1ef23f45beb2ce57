import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoPages } from './demoPages';
import { startStack } from './stack';

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
  const stack = await startStack({ port: Number(values.port), topology: values.topology, seed: Number(values.seed) });
  const { simulator, prometheus, preview } = stack;
  console.log(`simulator: ${simulator.url} (targets at /sd, ground truth at /truth)`);
  if (prometheus) {
    console.log(`prometheus: ${prometheus.url}`);
  }
  console.log(`preview: ${preview.url}`);
  if (prometheus) {
    for (const page of demoPages(join(__dirname, '..', 'provisioning', 'dashboards'))) {
      console.log(`  ${page.title}: ${preview.url}${page.search}`);
    }
  }
  console.log(
    `  fixtures: ${preview.url}?view=histogram&fixture=convergence-heatmap&fieldConfig=%7B%22unit%22%3A%22s%22%7D`
  );
  console.log('Ctrl-C stops the simulator, Prometheus and the preview.');

  const stop = () => stack.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
