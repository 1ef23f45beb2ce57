// Sections load @grafana/data, which needs a DOM in Node; it must exist before any of them is imported.
import '../test/preview/prometheus/node-dom';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine } from './machine';
import { renderResultsMarkdown } from './report';
import { SECTIONS } from './sections';

// `npm run bench [-- section ...]`: runs each section (all by default), writes bench/results.json and
// bench/RESULTS.md. Sections measure our code and the named anchor in the same run and report the ratio.
async function main() {
  const wanted = process.argv.slice(2);
  const results: Record<string, unknown> = { machine: describeMachine(), date: new Date().toISOString() };
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 && !wanted.includes(name)) {
      continue;
    }
    console.log(`bench: ${name} …`);
    const started = Date.now();
    results[name] = await run();
    console.log(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(results[name]));
  }
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(__dirname, 'RESULTS.md'), renderResultsMarkdown(results));
  console.log('bench: wrote bench/results.json and bench/RESULTS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
