import './node-dom';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { dataFrameFromJSON } from '@grafana/data';

import { FIXTURES, fixtureJSON } from '../fixtures/fixtures';

const load = (name: string) =>
  (JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8')) as unknown[]).map((json) =>
    dataFrameFromJSON(json as Parameters<typeof dataFrameFromJSON>[0])
  );

it.each(Object.keys(FIXTURES))('%s is up to date (npx tsx test/preview/fixtures/build.ts)', (name) => {
  expect(readFileSync(join(__dirname, '../fixtures', name), 'utf8')).toBe(fixtureJSON(name));
});

it('convergence heatmap counts add up to the +Inf series of the time-series fixture', () => {
  const [heatmap] = load('convergence-heatmap.json');
  const total = load('convergence-timeseries.json').find((f) => f.fields[1].labels?.le === '+Inf')!.fields[1].values;
  expect(heatmap.fields.map((f) => f.name)).toEqual(['Time', '0.1', '0.5', '1', '3', '5', '10', '20', '30', '+Inf']);
  expect(heatmap.length).toBe(121);
  heatmap.fields[0].values.forEach((_, row) => {
    const sum = heatmap.fields.slice(1).reduce((acc, f) => acc + f.values[row], 0);
    expect(sum).toBeCloseTo(total[row], 9);
  });
});

it('Bookinfo table: each call is reported by both ends, the destination side with mTLS', () => {
  const [table] = load('istio-requests-instant-table.json');
  const col = (name: string) => table.fields.find((f) => f.name === name)!.values;
  expect(table.length).toBe(16);
  const bySide = (reporter: string) =>
    col('Value').reduce((acc: number, v: number, i: number) => acc + (col('reporter')[i] === reporter ? v : 0), 0);
  expect(bySide('source')).toBeCloseTo(44, 9);
  expect(bySide('destination')).toBeCloseTo(44 * 0.9975, 3);
  expect(
    new Set(col('connection_security_policy').filter((_: string, i: number) => col('reporter')[i] === 'destination'))
  ).toEqual(new Set(['mutual_tls']));
});
