// The config's matcher lists as Prometheus's PromQL grammar (@prometheus-io/lezer-promql) reads them, checked
// against a real Prometheus parser: promtool accepts every list we accept and refuses every list we refuse.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseMatchers } from '../../dashboards/config/matchers';
import { splitMatchers } from '../../dashboards/queries/promql';
import { findPrometheusBinary } from '../helpers/prometheus';

const ACCEPTED: Array<[string, string[]]> = [
  ['job="kubernetes-pods", container="discovery"', ['job="kubernetes-pods"', 'container="discovery"']],
  ['job=~"a,b|c", app!="x"', ['job=~"a,b|c"', 'app!="x"']],
  ['job="a\\"b",', ['job="a\\"b"']],
  ["job='single', app!~`raw`", ["job='single'", 'app!~`raw`']],
];

const REFUSED: Array<[string, string]> = [
  ['app=istiod', 'PromQL cannot parse it at character 5'],
  ['job="a" app="b"', 'PromQL cannot parse it at character 9'],
  ['{job="a"}', 'it closes the braces or adds an expression (write the matchers without braces)'],
  ['job="a"}', 'it closes the braces or adds an expression (write the matchers without braces)'],
  ['job=~"a', 'it ends too early'],
  ['"k8s.pod"="x"', 'a quoted label name needs Prometheus 3 (write name="value")'],
];
/** Valid PromQL once braced, but not one selector: refused by us, parsed by Prometheus. */
const INJECTED = 'job="a"} or vector(1) or up{x="y"';

test.each(ACCEPTED)('%s is split into the matchers as written', (text, matchers) => {
  expect(parseMatchers(text)).toEqual({ matchers });
  expect(splitMatchers(text)).toEqual(matchers);
});

test.each([...REFUSED, [INJECTED, 'it closes the braces or adds an expression (write the matchers without braces)']])(
  '%s is refused: %s',
  (text, problem) => {
    expect(parseMatchers(text)).toEqual({ problem });
    expect(() => splitMatchers(text)).toThrow(problem);
  }
);

test('promtool (Prometheus 2) parses `up{<list>}` for every list we accept and for none we refuse as unparseable', () => {
  const promtool = findPrometheusBinary('promtool');
  const dir = mkdtempSync(join(tmpdir(), 'meshscope-matchers-'));
  try {
    const parses = (text: string): boolean => {
      const file = join(dir, 'rules.yml');
      writeFileSync(file, stringify({ groups: [{ name: 'm', rules: [{ record: 'm:up', expr: `up{${text}}` }] }] }));
      return spawnSync(promtool, ['check', 'rules', file], { encoding: 'utf8' }).status === 0;
    };
    expect(ACCEPTED.map(([t]) => ({ t, promtool: parses(t) }))).toEqual(ACCEPTED.map(([t]) => ({ t, promtool: true })));
    expect(REFUSED.map(([t]) => ({ t, promtool: parses(t) }))).toEqual(REFUSED.map(([t]) => ({ t, promtool: false })));
    expect(parses(INJECTED)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
