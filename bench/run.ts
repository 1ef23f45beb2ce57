// Sections load @grafana/data, which needs a DOM in Node; it must exist before any of them is imported.
import '../test/preview/prometheus/node-dom';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine } from './machine';
import { renderResultsMarkdown } from './report';
import { OPT_IN, SECTIONS } from './sections';

const RESULTS_JSON = join(__dirname, 'results.json');

// `npm run bench [-- section ...]`: runs each section (all but the opt-in ones by default), writes bench/results.json and
// bench/RESULTS.md. Sections measure our code and the named anchor in the same run and report the ratio.
// Running some sections keeps the others' last figures, each with the date it was measured.
async function main() {
  const wanted = process.argv.slice(2);
  const previous =
    wanted.length > 0 && existsSync(RESULTS_JSON)
      ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Record<string, unknown>)
      : {};
  const { date: previousDate, runs: previousRuns, ...previousSections } = previous;
  const runs: Record<string, string> = {};
  for (const name of Object.keys(previousSections).filter((k) => k !== 'machine')) {
    runs[name] = (previousRuns as Record<string, string> | undefined)?.[name] ?? String(previousDate);
  }
  const results: Record<string, unknown> = { ...previousSections, machine: describeMachine(), runs };
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 ? !wanted.includes(name) : OPT_IN.has(name)) {
      continue;
    }
    console.log(`bench: ${name} …`);
    const started = Date.now();
    results[name] = await run();
    runs[name] = new Date().toISOString();
    console.log(
      `bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      JSON.stringify(results[name])
    );
  }
  writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(__dirname, 'RESULTS.md'), renderResultsMarkdown(results));
  console.log('bench: wrote bench/results.json and bench/RESULTS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
