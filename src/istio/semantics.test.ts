import { errorMatchers, isClientError, isError, reporterRank } from './semantics';

/** Envoy's label combinations for istio_requests_total, one per kind of outcome. */
const SERIES: Array<{ labels: Record<string, string>; failed: boolean; failedWith4xx: boolean }> = [
  { labels: { request_protocol: 'http', response_code: '200' }, failed: false, failedWith4xx: false },
  { labels: { request_protocol: 'http', response_code: '404' }, failed: false, failedWith4xx: true },
  { labels: { request_protocol: 'http', response_code: '503' }, failed: true, failedWith4xx: true },
  { labels: { request_protocol: 'http', response_code: '0', response_flags: 'DC' }, failed: true, failedWith4xx: true },
  {
    labels: { request_protocol: 'grpc', response_code: '200', grpc_response_status: '0' },
    failed: false,
    failedWith4xx: false,
  },
  {
    labels: { request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' },
    failed: true,
    failedWith4xx: true,
  },
  { labels: { request_protocol: 'grpc', response_code: '200' }, failed: false, failedWith4xx: false },
  {
    labels: { request_protocol: 'grpc', response_code: '503', grpc_response_status: '14' },
    failed: true,
    failedWith4xx: true,
  },
  // An HTTP request never fails by a gRPC status, even if a proxy filled one in.
  {
    labels: { request_protocol: 'http', response_code: '200', grpc_response_status: '2' },
    failed: false,
    failedWith4xx: false,
  },
  { labels: { request_protocol: 'http', response_code: '2000' }, failed: false, failedWith4xx: false },
];

/** A PromQL matcher applied as Prometheus does: an absent label is the empty string, regexes are anchored. */
function matches(labels: Record<string, string>, matcher: string): boolean {
  const m = /^(\w+)(=~|!~|!=|=)"(.*)"$/.exec(matcher);
  if (!m) {
    throw new Error(`not a matcher: ${matcher}`);
  }
  const [, name, op, value] = m;
  const v = labels[name] ?? '';
  const re = new RegExp(`^(?:${value})$`);
  return op === '=' ? v === value : op === '!=' ? v !== value : op === '=~' ? re.test(v) : !re.test(v);
}
const inSets = (labels: Record<string, string>, sets: string[][]) =>
  sets.filter((set) => set.every((m) => matches(labels, m))).length;

describe('Istio semantics', () => {
  it.each([false, true])('isError and the PromQL matchers agree on every outcome (count4xx %s)', (count4xx) => {
    const rule = { count4xx };
    const { failed, succeeded } = errorMatchers(rule);
    for (const s of SERIES) {
      const expected = count4xx ? s.failedWith4xx : s.failed;
      expect({ labels: s.labels, isError: isError(s.labels, rule) }).toEqual({ labels: s.labels, isError: expected });
      // Each series in exactly one set of exactly one side: the sets are disjoint and cover everything.
      expect({ labels: s.labels, failed: inSets(s.labels, failed), succeeded: inSets(s.labels, succeeded) }).toEqual({
        labels: s.labels,
        failed: expected ? 1 : 0,
        succeeded: expected ? 0 : 1,
      });
    }
  });

  it('tells 4xx apart', () => {
    expect(SERIES.filter((s) => isClientError(s.labels)).map((s) => s.labels.response_code)).toEqual(['404']);
  });

  it('prefers destination, then waypoint, then source, then series without a reporter', () => {
    const ranked = ['source', '', 'other', 'waypoint', 'destination'].sort((a, b) => reporterRank(a) - reporterRank(b));
    expect(ranked).toEqual(['destination', 'waypoint', 'source', '', 'other']);
  });
});
