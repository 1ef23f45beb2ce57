import { parseArgs } from 'node:util';
import { GRAFANA_HOSTS, GrafanaHost } from './grafanaHosts';
import { startPreview } from './server';

// `npm run preview -- [--port 3001] [--prometheus http://127.0.0.1:9090] [--grafana 12]`
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    host: { type: 'string', default: '127.0.0.1' },
    prometheus: { type: 'string' },
    grafana: { type: 'string', default: '13' },
  },
});
if (!(GRAFANA_HOSTS as readonly string[]).includes(values.grafana)) {
  console.error(`--grafana must be one of ${GRAFANA_HOSTS.join(', ')}, not "${values.grafana}"`);
  process.exit(1);
}

startPreview({
  port: Number(values.port),
  host: values.host,
  prometheusUrl: values.prometheus,
  grafana: values.grafana as GrafanaHost,
}).then(
  (preview) =>
    console.log(
      `meshscope preview at ${preview.url} on Grafana ${values.grafana}'s modules${values.prometheus ? ` (live data from ${values.prometheus})` : ''}`
    ),
  (error: Error) => {
    console.error(`preview failed to start: ${error.message}`);
    process.exit(1);
  }
);
