type Row = Record<string, unknown>;

const cell = (value: unknown) => (typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value));

function table(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => cell(row[c] ?? '')).join(' | ')} |`),
  ].join('\n');
}

/** bench/RESULTS.md: the machine, then one table per section, from the same object as results.json. */
export function renderResultsMarkdown(results: Record<string, unknown>): string {
  const { machine, date, ...sections } = results;
  const parts = [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; the same figures are in `results.json`. Each section measures our code and, where',
    'the issue names one, the anchor in the same run.',
    '',
    `Machine: ${machine}`,
    '',
    `Run: ${date}`,
  ];
  for (const [name, value] of Object.entries(sections)) {
    const rows = (Array.isArray(value) ? value : [value]) as Row[];
    parts.push('', `## ${name}`, '', table(rows));
  }
  return `${parts.join('\n')}\n`;
}
