// The config's matcher lists as Prometheus's PromQL grammar (@prometheus-io/lezer-promql) reads them.
import { splitMatchers } from '../../dashboards/queries/promql';
import { parseMatchers } from '../../dashboards/config/matchers';

test.each([
  ['job="kubernetes-pods", container="discovery"', ['job="kubernetes-pods"', 'container="discovery"']],
  ['job=~"a,b|c", app!="x"', ['job=~"a,b|c"', 'app!="x"']],
  ['job="a\\"b",', ['job="a\\"b"']],
  ["job='single', app!~`raw`", ["job='single'", 'app!~`raw`']],
  ['"k8s.pod"="x"', ['"k8s.pod"="x"']],
])('%s is split into the matchers as written', (text, matchers) => {
  expect(parseMatchers(text)).toEqual({ matchers });
  expect(splitMatchers(text)).toEqual(matchers);
});

test.each([
  ['app=istiod', 'PromQL cannot parse it at character 5'],
  ['job="a" app="b"', 'PromQL cannot parse it at character 9'],
  ['{job="a"}', 'it closes the braces or adds an expression (write the matchers without braces)'],
  ['job="a"}', 'it closes the braces or adds an expression (write the matchers without braces)'],
  [
    'job="a"} or vector(1) or up{x="y"',
    'it closes the braces or adds an expression (write the matchers without braces)',
  ],
  ['job=~"a', 'it ends too early'],
  [' ', 'it has no matcher'],
])('%s is refused: %s', (text, problem) => {
  expect(parseMatchers(text)).toEqual({ problem });
  expect(() => splitMatchers(text)).toThrow(problem);
});
