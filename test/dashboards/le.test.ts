import { ISTIO_DURATION_BUCKETS_MS } from '../../dashboards/config/types';
import { LE_SPELLING, leMatcher, normalisedLe } from '../../dashboards/queries/le';

// What Prometheus 3's FormatOpenMetricsFloat (strconv.FormatFloat(f, 'g', -1, 64), ".0" appended when the text has
// neither "." nor "e") prints for each value.
test.each([
  [0.5, '0.5'],
  [1, '1.0'],
  [0, '0.0'],
  [250, '250.0'],
  [300000, '300000.0'],
  [600000, '600000.0'],
  [999999, '999999.0'],
  [1000000, '1e+06'],
  [1800000, '1.8e+06'],
  [3600000, '3.6e+06'],
  [123456789, '1.23456789e+08'],
  [1e21, '1e+21'],
  [0.0001, '0.0001'],
  [0.00001, '1e-05'],
  [0.000123, '0.000123'],
  [1.5e-7, '1.5e-07'],
  [Infinity, '+Inf'],
])('Prometheus 3 stores le %p as %p', (bound, le) => {
  expect(normalisedLe(bound)).toBe(le);
});

test('the bucket matcher accepts both spellings and nothing else', () => {
  expect(leMatcher(250)).toBe('le=~"250|250\\\\.0"');
  expect(leMatcher(1800000)).toBe('le=~"1800000|1\\\\.8e\\\\+06"');
  expect(leMatcher(0.5)).toBe('le=~"0\\\\.5"');
  // The regex the matcher hands Prometheus (PromQL unescapes the doubled backslashes), anchored as Prometheus does.
  const regex = (m: string) => new RegExp(`^(?:${m.slice('le=~"'.length, -1).replace(/\\\\/g, '\\')})$`);
  for (const [bound, yes, no] of [
    [1800000, ['1800000', '1.8e+06'], ['1.8e+066', '1800000.0', '18000000', '1x8e+06']],
    [250, ['250', '250.0'], ['2500', '250.00', '25040']],
  ] as const) {
    expect(yes.filter((le) => !regex(leMatcher(bound)).test(le))).toEqual([]);
    expect(no.filter((le) => regex(leMatcher(bound)).test(le))).toEqual([]);
  }
});

// 0.5 is spelled alike by both, so only the integer bounds tell them apart.
test("the Setup check's spelling regexes tell every integer Istio duration bound's two spellings apart", () => {
  const full = (re: string) => new RegExp(`^(?:${re})$`);
  const [exposed, normalised] = [full(LE_SPELLING.exposed), full(LE_SPELLING.normalised)];
  const misread = ISTIO_DURATION_BUCKETS_MS.filter(Number.isInteger).flatMap((bound) => {
    const [asExposed, asNormalised] = [String(bound), normalisedLe(bound)];
    const ok =
      exposed.test(asExposed) &&
      !normalised.test(asExposed) &&
      normalised.test(asNormalised) &&
      !exposed.test(asNormalised);
    return ok ? [] : [`${asExposed} / ${asNormalised}`];
  });
  expect(misread).toEqual([]);
});
