import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { DataFrame, LoadingState, PanelProps, getDefaultTimeRange, FieldConfigSource } from '@grafana/data';
import { DEFAULT_OPTIONS, MeshPanelOptions } from '../options';
import { HistogramView } from './HistogramView';
import { histogramView } from './view';
import { timeSeriesFrames, HistogramFixture } from '../../test/support/histogram/frames';

const convergence: HistogramFixture = {
  les: ['0.1', '0.5', '1', '3', '5', '10', '20', '30', '+Inf'],
  times: [0, 60000],
  cumulative: [
    [10, 30, 60, 90, 95, 96, 97, 98, 100],
    [5, 5, 5, 5, 5, 5, 5, 5, 10],
  ],
  unit: 's',
};

function props(series: DataFrame[]): PanelProps<MeshPanelOptions> {
  return {
    data: { series, state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options: { ...DEFAULT_OPTIONS, view: 'histogram' },
    width: 800,
    height: 500,
    id: 1,
    timeRange: getDefaultTimeRange(),
    timeZone: 'utc',
    transparent: false,
    renderCounter: 0,
    title: 'Convergence',
    eventBus: {} as PanelProps['eventBus'],
    fieldConfig: { defaults: {}, overrides: [] } as FieldConfigSource,
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
    replaceVariables: (s: string) => s,
  };
}

describe('HistogramView', () => {
  it('shows shares, the +Inf overflow and percentiles with their exact text', () => {
    render(<HistogramView {...props(timeSeriesFrames(convergence))} />);
    expect(screen.getByTestId('histogram-share-0.1-text')).toHaveTextContent('13.6 %');
    expect(screen.getByTestId('histogram-share-0.1')).toHaveAttribute('data-value', String(15 / 110));
    expect(screen.getByTestId('histogram-share-3-text')).toHaveTextContent('86.4 %');
    expect(screen.getByTestId('histogram-overflow-text')).toHaveTextContent('6.4 % > 30 s');
    expect(screen.getByTestId('histogram-percentile-0.99-text')).toHaveTextContent('≥ 30 s');
    expect(screen.getByTestId('histogram-percentile-0.99')).toHaveAttribute('data-kind', 'clamped');
    expect(screen.getByTestId('histogram-percentile-0.5-text')).toHaveTextContent('833 ms');
  });

  it('draws one small multiple per histogram, label values as text', () => {
    const frames = [
      ...timeSeriesFrames({ ...convergence, labels: { revision: '<b>canary</b>' } }),
      ...timeSeriesFrames({ ...convergence, labels: { revision: 'stable' } }),
    ];
    render(<HistogramView {...props(frames)} />);
    const first = screen.getByTestId('histogram-multiple-0');
    expect(first).toHaveTextContent('revision="<b>canary</b>"');
    expect(first.querySelector('b')).toBeNull();
    expect(
      within(screen.getByTestId('histogram-multiple-1')).getByTestId('histogram-percentile-0.99-text')
    ).toHaveTextContent('≥ 30 s');
  });

  it.each([
    ['no +Inf', { les: ['1', '3'], times: [0], cumulative: [[1, 2]] }, 'No le="+Inf" bucket'],
    ['one bucket', { les: ['+Inf'], times: [0], cumulative: [[2]] }, 'Only one bucket'],
    ['NaN', { les: ['1', '+Inf'], times: [0], cumulative: [[NaN, 2]] }, 'are NaN'],
    ['all zero', { les: ['1', '+Inf'], times: [0], cumulative: [[0, 0]] }, 'are zero over the time range'],
  ])('explains %s in the panel check and in the view, without throwing', (_, fixture, message) => {
    const frames = timeSeriesFrames(fixture);
    expect(histogramView.check(frames)).toContain(message);
    render(<HistogramView {...props(frames)} />);
    expect(screen.getByTestId('meshscope-message')).toHaveTextContent(message);
  });
});
