// The bench's model of Grafana (bench/grafana/): steps and $__rate_interval as Grafana computes them for a panel,
// and variables written into PromQL as its Prometheus data source writes them. Expected values are worked out by
// hand from Grafana's rules (rangeUtil.roundInterval's table, max(interval + scrape, 4 × scrape), the escaping in
// datasource.ts), not by the code under test.
import '../preview/prometheus/node-dom';
import { panelWidthPx, queryGeometry } from '../../bench/grafana/geometry';
import {
  applyRegex,
  builtins,
  formatValue,
  interpolate,
  queryResultLine,
  resolveVariables,
  type TemplateVariable,
} from '../../bench/grafana/templating';

const HOUR = 3_600_000;

describe('query geometry', () => {
  test('a panel without query options steps at the data source scrape interval', () => {
    // 12 columns: 884 px → 3600 s / 884 = 4.07 s, rounded to 5 s, raised to the 15 s timeInterval.
    expect(panelWidthPx(12)).toBe(884);
    expect(queryGeometry({ columns: 12 }, HOUR, '15s')).toEqual({
      stepMs: 15_000,
      rateIntervalMs: 60_000,
      points: 241,
    });
  });

  test("a panel's min interval replaces the data source's, so Istio's 5 s panels run 721 points", () => {
    expect(queryGeometry({ columns: 8, minInterval: '5s' }, HOUR, '15s')).toEqual({
      stepMs: 5000,
      rateIntervalMs: 60_000,
      points: 721,
    });
    // 6 columns: 434 px → 8.3 s, rounded to 10 s, above the 5 s minimum.
    expect(queryGeometry({ columns: 6, minInterval: '5s' }, HOUR, '15s').stepMs).toBe(10_000);
  });

  test('max data points decide the step; $__rate_interval grows with it beyond 4 scrapes', () => {
    // 3600 s / 100 = 36 s → 30 s; rate interval max(30 + 15, 60) = 60 s.
    expect(queryGeometry({ columns: 4, maxDataPoints: 100 }, HOUR, '15s')).toEqual({
      stepMs: 30_000,
      rateIntervalMs: 60_000,
      points: 121,
    });
    // A 1 m minimum (Istio's heatmaps): rate interval 60 + 15 = 75 s.
    expect(queryGeometry({ columns: 12, minInterval: '1m' }, HOUR, '15s')).toEqual({
      stepMs: 60_000,
      rateIntervalMs: 75_000,
      points: 61,
    });
  });
});

describe('variables in PromQL', () => {
  const multi: TemplateVariable = { name: 'srcwl', type: 'query', multi: true, includeAll: true };
  const single: TemplateVariable = { name: 'service', type: 'query' };

  test('multi-valued and All variables are regex-escaped, several values as an alternation', () => {
    expect(formatValue(multi, ['reviews-v1', 'a.b'])).toBe('(reviews-v1|a\\\\.b)');
    expect(formatValue(multi, 'productpage.default.svc.cluster.local')).toBe(
      'productpage\\\\.default\\\\.svc\\\\.cluster\\\\.local'
    );
    expect(formatValue(multi, 'a(b)|c*')).toBe('a\\\\(b\\\\)\\\\|c\\\\*');
  });

  test('single-valued variables only escape backslashes and single quotes', () => {
    expect(formatValue(single, 'reviews.default.svc.cluster.local')).toBe('reviews.default.svc.cluster.local');
    expect(formatValue(single, "it's\\")).toBe("it\\\\'s\\\\");
  });

  test('all three reference syntaxes are replaced; unknown names and built-ins are left alone', () => {
    const values = new Map([['service', 'x']]);
    expect(interpolate('a="$service" b="${service}" c="[[service]]" d="$other" $__rate_interval', values)).toBe(
      'a="x" b="x" c="x" d="$other" $__rate_interval'
    );
    expect(
      builtins('rate(m[$__rate_interval]) [${__interval}]', { rateInterval: '20s', interval: '5s', range: '1h' })
    ).toBe('rate(m[20s]) [5s]');
  });

  test('All takes the allValue, else every option the query finds, escaped; single values are pinned', async () => {
    const asked: string[] = [];
    const values = await resolveVariables(
      [
        { name: 'datasource', type: 'datasource' },
        { name: 'service', type: 'query', current: { value: 'details.default.svc.cluster.local' } },
        { name: 'qrep', type: 'custom', query: 'source,destination', multi: true, current: { value: 'destination' } },
        { name: 'cluster', type: 'query', multi: true, includeAll: true, allValue: '.*', current: { value: '$__all' } },
        {
          name: 'srcwl',
          type: 'query',
          multi: true,
          includeAll: true,
          query: { query: 'q($service, $qrep)' },
          current: { value: '$__all' },
        },
      ],
      { service: 'reviews.default.svc.cluster.local', qrep: 'source' },
      async (_v, query) => {
        asked.push(query);
        return ['productpage-v1', 'ratings.v1'];
      }
    );
    expect(Object.fromEntries(values)).toEqual({
      service: 'reviews.default.svc.cluster.local',
      qrep: 'destination',
      cluster: '.*',
      srcwl: '(productpage-v1|ratings\\\\.v1)',
    });
    expect(asked).toEqual(['q(reviews.default.svc.cluster.local, destination)']);
  });

  test("query_result lines and a variable's regex give its options, de-duplicated", () => {
    const lines = [
      queryResultLine({ __name__: 'x', destination_service: 'a.svc', reporter: 'source' }, [1700000000, '3']),
      queryResultLine({ destination_service: 'a.svc' }, [1700000000, '1']),
      queryResultLine({ destination_service: 'b.svc' }, [1700000000, '1']),
    ];
    expect(lines[0]).toBe('x{destination_service="a.svc",reporter="source"} 3 1700000000000');
    expect(applyRegex({ name: 's', type: 'query', regex: '/.*destination_service="([^"]*).*/' }, lines)).toEqual([
      'a.svc',
      'b.svc',
    ]);
  });
});
