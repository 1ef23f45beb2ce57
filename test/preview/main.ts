import { parseArgs } from 'node:util';
import { startPreview } from './server';

// `npm run preview -- [--port 3001] [--prometheus http://127.0.0.1:9090]`
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    host: { type: 'string', default: '127.0.0.1' },
    prometheus: { type: 'string' },
  },
});

startPreview({ port: Number(values.port), host: values.host, prometheusUrl: values.prometheus }).then(
  (preview) =>
    console.log(
      `meshscope preview at ${preview.url}${values.prometheus ? ` (live data from ${values.prometheus})` : ''}`
    ),
  (error: Error) => {
    console.error(`preview failed to start: ${error.message}`);
    process.exit(1);
  }
);
