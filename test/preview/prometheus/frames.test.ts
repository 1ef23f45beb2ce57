import './node-dom';

import { DataFrame, dataFrameFromJSON, dataFrameToJSON } from '@grafana/data';

import { goDuration, legendFor } from './legend';
import {
  PrometheusApiResponse,
  PrometheusQuery,
  PromSample,
  queryPrometheus,
  toGrafanaFrames,
  toGrafanaSeries,
} from './frames';

const T0 = 1_700_000_000; // unix seconds
const matrix = (...series: Array<[Record<string, string>, PromSample[]]>): PrometheusApiResponse => ({
  status: 'success',
  data: { resultType: 'matrix', result: series.map(([metric, values]) => ({ metric, values })) },
});
const vector = (...series: Array<[Record<string, string>, string]>): PrometheusApiResponse => ({
  status: 'success',
  data: { resultType: 'vector', result: series.map(([metric, v]) => ({ metric, value: [T0, v] })) },
});
const query = (over: Partial<PrometheusQuery> = {}): PrometheusQuery => ({
  refId: 'A',
  expr: 'up',
  format: 'time_series',
  instant: false,
  intervalMs: 30_000,
  ...over,
});
const names = (frame: DataFrame) => frame.fields.map((f) => f.name);
const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values;

// sum by (le) (rate(x_bucket[5m])) over three steps; Prometheus sorts series by label text, so le="+Inf"
// comes first and "10" before "5".
const HISTOGRAM_EXPR = 'sum by (le) (rate(x_bucket[5m]))';
const histogramRange = matrix(
  [
    { le: '+Inf' },
    [
      [T0, '12'],
      [T0 + 30, '12'],
      [T0 + 60, '40'],
    ],
  ],
  [
    { le: '1' },
    [
      [T0, '10'],
      [T0 + 30, '10'],
      [T0 + 60, '0'],
    ],
  ],
  [
    { le: '10' },
    [
      [T0, '12'],
      [T0 + 30, '10'],
      [T0 + 60, '35'],
    ],
  ],
  [
    { le: '5' },
    [
      [T0, '11'],
      [T0 + 30, '10'],
      [T0 + 60, '30'],
    ],
  ]
);

describe('time series format', () => {
  it('gives one frame per range series with the backend naming and the graph hint', () => {
    const frames = toGrafanaFrames(
      matrix(
        [
          { job: 'prometheus', __name__: 'up', instance: 'a:9090' },
          [
            [T0 + 0.781, '1'],
            [T0 + 15.781, '0'],
          ],
        ],
        [{ __name__: 'up', job: 'node', instance: 'b:9100' }, [[T0, '1']]]
      ),
      query()
    );
    expect(frames).toEqual([
      {
        refId: 'A',
        length: 2,
        meta: {
          type: 'timeseries-multi',
          typeVersion: [0, 0],
          custom: { resultType: 'matrix' },
          executedQueryString: 'Expr: up\nStep: 30s',
          preferredVisualisationType: 'graph',
        },
        fields: [
          {
            name: 'Time',
            type: 'time',
            typeInfo: { frame: 'time.Time' },
            config: { interval: 30_000 },
            values: [1_700_000_000_781, 1_700_000_015_781],
            entities: {},
          },
          {
            name: 'up',
            type: 'number',
            typeInfo: { frame: 'float64' },
            labels: { __name__: 'up', instance: 'a:9090', job: 'prometheus' },
            config: { displayNameFromDS: 'up{instance="a:9090", job="prometheus"}' },
            values: [1, 0],
            entities: {},
          },
        ],
      },
      expect.objectContaining({
        meta: {
          type: 'timeseries-multi',
          typeVersion: [0, 0],
          custom: { resultType: 'matrix' },
          preferredVisualisationType: 'graph',
        },
      }),
    ]);
    expect(Object.keys(frames[0].fields[1].labels!)).toEqual(['__name__', 'instance', 'job']);
  });

  it('gives one single-row frame per series of an instant vector', () => {
    const frames = toGrafanaFrames(
      vector([{ code: '200' }, '3.5'], [{ code: '503' }, '0.25']),
      query({ instant: true, legendFormat: 'HTTP {{ code }}' })
    );
    expect(
      frames.map((f) => [
        f.length,
        f.meta?.custom?.resultType,
        f.fields[1].config.displayNameFromDS,
        f.fields[1].values,
      ])
    ).toEqual([
      [1, 'vector', 'HTTP 200', [3.5]],
      [1, 'vector', 'HTTP 503', [0.25]],
    ]);
    expect(frames[0].fields[0].values).toEqual([1_700_000_000_000]);
  });

  it('decodes NaN, +Inf and -Inf samples', () => {
    const [frame] = toGrafanaFrames(
      matrix([
        {},
        [
          [T0, 'NaN'],
          [T0 + 30, '+Inf'],
          [T0 + 60, '-Inf'],
          [T0 + 90, '1e-3'],
        ],
      ]),
      query({ expr: '1 / x' })
    );
    expect(frame.fields[1].values).toEqual([NaN, Infinity, -Infinity, 0.001]);
    // a label-less series is named after its expression
    expect(frame.fields[1].config.displayNameFromDS).toBe('1 / x');
  });

  it('leaves displayNameFromDS to the frontend for legend "__auto"', () => {
    const [labelled, bare] = toGrafanaFrames(
      vector([{ __name__: 'istio_build', tag: '1.27.0' }, '1'], [{}, '2']),
      query({ instant: true, legendFormat: '__auto', expr: 'istio_build' })
    );
    // computed by @grafana/data's getFieldDisplayName on a copy of the field renamed "Value"
    expect(labelled.fields[1].config.displayNameFromDS).toBe('{__name__="istio_build", tag="1.27.0"}');
    expect(bare.fields[1].config.displayNameFromDS).toBe('istio_build');
  });

  it('keeps cumulative buckets as they are, one frame per le, named by the legend', () => {
    const frames = toGrafanaFrames(histogramRange, query({ expr: HISTOGRAM_EXPR, legendFormat: '{{le}}' }));
    expect(frames.map((f) => [f.name, f.fields[1].config.displayNameFromDS, f.fields[1].values])).toEqual([
      [undefined, '+Inf', [12, 12, 40]],
      [undefined, '1', [10, 10, 0]],
      [undefined, '10', [12, 10, 35]],
      [undefined, '5', [11, 10, 30]],
    ]);
  });
});

describe('table format', () => {
  it('merges an instant vector into one table: Time, sorted label columns, Value', () => {
    const [table, ...rest] = toGrafanaFrames(
      vector(
        [{ response_code: '200', destination_workload: 'reviews-v1' }, '2'],
        [{ destination_workload: 'ratings-v1', reporter: 'source' }, 'NaN']
      ),
      query({ instant: true, format: 'table' })
    );
    expect(rest).toEqual([]);
    expect(names(table)).toEqual(['Time', 'destination_workload', 'response_code', 'reporter', 'Value']);
    expect(column(table, 'response_code')).toEqual(['200', '']);
    expect(column(table, 'reporter')).toEqual(['', 'source']);
    expect(column(table, 'Value')).toEqual([2, NaN]);
    expect(table.fields[0]).toEqual({
      name: 'Time',
      type: 'time',
      config: { interval: 30_000 },
      values: [1_700_000_000_000, 1_700_000_000_000],
    });
    expect(table.fields[1].config).toEqual({ filterable: true });
    expect(table.meta).toEqual({
      type: 'timeseries-multi',
      typeVersion: [0, 0],
      custom: { resultType: 'vector' },
      executedQueryString: 'Expr: up\nStep: 30s',
      preferredVisualisationType: 'rawPrometheus',
    });
  });

  it('names value columns "Value #<refId>" when a panel has several table queries', () => {
    const a = query({ refId: 'A', instant: true, format: 'table' });
    const b = query({ refId: 'B', instant: true, format: 'table', expr: 'down' });
    const series = toGrafanaSeries([
      { query: a, response: vector([{ app: 'x' }, '1']) },
      { query: b, response: vector([{ app: 'y' }, '+Inf']) },
    ]);
    expect(series.map(names)).toEqual([
      ['Time', 'app', 'Value #A'],
      ['Time', 'app', 'Value #B'],
    ]);
    expect(series.map((f) => f.fields[2].values)).toEqual([[1], [Infinity]]);
    expect(toGrafanaFrames(vector([{ app: 'y' }, '2']), b, [a, b]).map(names)).toEqual([['Time', 'app', 'Value #B']]);
  });

  it('orders graphs before tables whatever the refId order', () => {
    const series = toGrafanaSeries([
      { query: query({ refId: 'A', format: 'table', instant: true }), response: vector([{}, '1']) },
      { query: query({ refId: 'B' }), response: matrix([{}, [[T0, '2']]]) },
    ]);
    expect(series.map((f) => [f.refId, f.meta?.preferredVisualisationType])).toEqual([
      ['B', 'graph'],
      ['A', 'rawPrometheus'],
    ]);
  });

  it('sorts a range table by time, keeping series order within a timestamp', () => {
    const [table] = toGrafanaFrames(histogramRange, query({ expr: HISTOGRAM_EXPR, format: 'table' }));
    expect(names(table)).toEqual(['Time', 'le', 'Value']);
    expect(column(table, 'le')).toEqual(['+Inf', '1', '10', '5', '+Inf', '1', '10', '5', '+Inf', '1', '10', '5']);
    expect(column(table, 'Value')).toEqual([12, 10, 12, 11, 12, 10, 10, 10, 40, 0, 35, 30]);
    expect(column(table, 'Time').slice(3, 5)).toEqual([1_700_000_000_000, 1_700_000_030_000]);
  });
});

describe('heatmap format', () => {
  it('sorts buckets by le, de-accumulates them and merges them into one heatmap-rows frame', () => {
    const frames = toGrafanaFrames(histogramRange, query({ expr: HISTOGRAM_EXPR, format: 'heatmap' }));
    expect(frames).toHaveLength(1);
    const [heatmap] = frames;
    expect(heatmap.name).toBe('1');
    expect(heatmap.meta).toEqual({ type: 'heatmap-rows', typeVersion: [0, 0], custom: { resultType: 'matrix' } });
    expect(names(heatmap)).toEqual(['Time', '1', '5', '10', '+Inf']);
    // Grafana's own example: le1 10 10 0 | le5 11 10 30 | le10 12 10 35 | +Inf 12 12 40
    expect(heatmap.fields.slice(1).map((f) => f.values)).toEqual([
      [10, 10, 0],
      [1, 0, 30],
      [1, 0, 5],
      [0, 2, 5],
    ]);
    expect(heatmap.fields[1].labels).toEqual({ le: '1' });
    expect(heatmap.fields[4].config).toEqual({ displayNameFromDS: '+Inf' });
  });

  it('keeps one heatmap per combination of the other labels', () => {
    const frames = toGrafanaFrames(
      matrix(
        [{ le: '+Inf', pod: 'b' }, [[T0, '4']]],
        [{ le: '0.5', pod: 'a' }, [[T0, '1']]],
        [{ le: '+Inf', pod: 'a' }, [[T0, '3']]],
        [{ le: '0.5', pod: 'b' }, [[T0, '4']]]
      ),
      query({ format: 'heatmap' })
    );
    expect(frames.map((f) => [names(f), f.fields[1].labels?.pod, f.fields.slice(1).map((x) => x.values[0])])).toEqual([
      [['Time', '0.5', '+Inf'], 'b', [4, 0]],
      [['Time', '0.5', '+Inf'], 'a', [1, 2]],
    ]);
  });

  it('turns an instant histogram into a one-row heatmap', () => {
    const [heatmap] = toGrafanaFrames(
      vector([{ le: '+Inf' }, '9'], [{ le: '0.1' }, '6']),
      query({ instant: true, format: 'heatmap' })
    );
    expect(names(heatmap)).toEqual(['Time', '0.1', '+Inf']);
    expect(heatmap.fields.slice(1).map((f) => f.values)).toEqual([[6], [3]]);
    expect(heatmap.meta?.executedQueryString).toBeUndefined();
  });
});

describe('scalar and string results', () => {
  const scalar: PrometheusApiResponse = { status: 'success', data: { resultType: 'scalar', result: [T0, '42'] } };
  const text: PrometheusApiResponse = { status: 'success', data: { resultType: 'string', result: [T0, 'hello'] } };

  it('gives a numeric-multi frame named after the expression', () => {
    const [frame] = toGrafanaFrames(scalar, query({ expr: 'scalar(up)', instant: true }));
    expect(frame.meta).toMatchObject({ type: 'numeric-multi', custom: { resultType: 'scalar' } });
    expect(frame.fields[1]).toMatchObject({
      name: 'Value',
      type: 'number',
      labels: {},
      values: [42],
      config: { displayNameFromDS: 'scalar(up)' },
    });
  });

  it('gives a string value field, which a table reparses as a number', () => {
    const [frame] = toGrafanaFrames(text, query({ instant: true, expr: '"hello"' }));
    expect(frame.fields[1]).toMatchObject({ type: 'string', values: ['hello'] });
    const [table] = toGrafanaFrames(text, query({ instant: true, format: 'table' }));
    expect(names(table)).toEqual(['Time', 'Value']);
    expect(column(table, 'Value')).toEqual([NaN]);
  });
});

describe('empty results', () => {
  const empty: PrometheusApiResponse = { status: 'success', data: { resultType: 'vector', result: [] } };
  const placeholderMeta = {
    typeVersion: [0, 0],
    custom: { calculatedMinStep: 30_000 },
    executedQueryString: 'Expr: up\nStep: 30s',
  };

  it.each([
    [
      'time_series',
      [{ refId: 'A', fields: [], length: 0, meta: { ...placeholderMeta, preferredVisualisationType: 'graph' } }],
    ],
    ['table', [{ refId: 'A', fields: [], length: 0, meta: placeholderMeta }]],
    ['heatmap', []],
  ] as const)('%s', (format, expected) => {
    expect(toGrafanaFrames(empty, query({ format, instant: true }))).toEqual(expected);
  });

  it('puts warnings on a "Warnings" frame as notices', () => {
    const [frame] = toGrafanaFrames({ ...empty, warnings: ['slow'], infos: ['note'] }, query());
    expect(frame.name).toBe('Warnings');
    expect(frame.meta?.notices).toEqual([
      { severity: 'warning', text: 'slow' },
      { severity: 'info', text: 'note' },
    ]);
  });

  it('raises a Prometheus error instead of returning frames', () => {
    expect(() => toGrafanaFrames({ status: 'error', errorType: 'bad_data', error: 'parse error' }, query())).toThrow(
      'bad_data: parse error'
    );
  });
});

describe('naming helpers', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1500, '1.5s'],
    [30_000, '30s'],
    [60_000, '1m0s'],
    [5_430_000, '1h30m30s'],
  ])('formats %i ms as Go does', (ms, text) => expect(goDuration(ms)).toBe(text));

  it('sorts series labels as whole k="v" strings', () => {
    expect(legendFor({ a: '1', a1: '2', __name__: 'm' }, 'e')).toBe('m{a1="2", a="1"}');
    expect(legendFor({ x: 'y' }, 'e', '{{missing}}-{{x}}')).toBe('-y');
  });
});

describe('serialisation', () => {
  it('survives dataFrameToJSON and dataFrameFromJSON', () => {
    const [frame] = toGrafanaFrames(histogramRange, query({ format: 'heatmap' }));
    const reloaded = dataFrameFromJSON(JSON.parse(JSON.stringify(dataFrameToJSON(frame))));
    expect(reloaded.fields.map((f) => [f.name, f.values])).toEqual(frame.fields.map((f) => [f.name, f.values]));
  });
});

describe('queryPrometheus', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks query_range with a step-aligned range and converts the answer', async () => {
    const fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(matrix([{}, [[T0, '1']]]))));
    const frames = await queryPrometheus('/prometheus/', query({ intervalMs: undefined }), {
      from: 1_000_010_000,
      to: 1_000_070_000,
      stepMs: 30_000,
    });
    expect(fetchMock.mock.calls[0][0]).toBe('/prometheus/api/v1/query_range?query=up&start=999990&end=1000050&step=30');
    expect(frames[0].fields[0].config.interval).toBe(30_000);
  });

  it('asks /api/v1/query at the end of the range for an instant query', async () => {
    const fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(vector([{}, '1']))));
    await queryPrometheus('http://localhost:9090', query({ instant: true, expr: 'sum(x)' }), {
      from: 0,
      to: 1_000_070_500,
      stepMs: 15_000,
    });
    expect(fetchMock.mock.calls[0][0]).toBe('http://localhost:9090/api/v1/query?query=sum%28x%29&time=1000070.5');
  });

  it('fails on a non-Prometheus status', async () => {
    jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response('gateway', { status: 502, statusText: 'Bad Gateway' }));
    await expect(queryPrometheus('', query(), { from: 0, to: 60_000, stepMs: 15_000 })).rejects.toThrow(
      'Prometheus answered 502 Bad Gateway'
    );
  });
});
