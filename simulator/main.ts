// CLI: npm run sim -- --port <port> [--host <host>] [--topology <name|file>] [--seed <n>] [--print-prometheus-config]
// (<name>: default, or generated:<workloads>x<namespaces>x<edges>[,ambient=<n>][,wasm=<share>])
import { parseArgs } from 'node:util';
import { startSimulator, TopologyError } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9900' },
      host: { type: 'string', default: '127.0.0.1' },
      topology: { type: 'string', default: 'default' },
      seed: { type: 'string', default: '1' },
      'print-prometheus-config': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || !Number.isInteger(seed)) {
    throw new Error('--port and --seed must be integers');
  }
  const sim = await startSimulator({ port, host: values.host, topology: values.topology, seed });
  if (values['print-prometheus-config']) {
    process.stdout.write(sim.prometheusConfig());
  }
  const truth = sim.truth();
  process.stderr.write(
    `meshscope simulator: topology ${truth.topology}, ${truth.edges.length} edges, ${sim.targets().length} targets at ${sim.url}\n` +
      `  ${sim.url}/sd  ${sim.url}/truth  ${sim.url}/scenarios  ${sim.url}/prometheus.yml\n`
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof TopologyError ? err.message : String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
