import { PanelOptionsEditorBuilder } from '@grafana/data';
import { MeshPanelOptions } from '../options';
import { viewOptions } from '../components/viewOptions';
import { NumberListEditor } from './NumberListEditor';

export function addHistogramOptions(builder: PanelOptionsEditorBuilder<MeshPanelOptions>) {
  viewOptions(builder, 'histogram', 'Histogram')
    .radio('scale', 'Bucket axis', [
      { value: 'log', label: 'Logarithmic' },
      { value: 'linear', label: 'Linear' },
    ])
    .customEditor('shareBounds', 'Share within', NumberListEditor, {
      description:
        'Upper bounds, in the field unit, whose cumulative share is shown as a figure (e.g. 0.1, 0.5, 1, 3).',
    })
    .customEditor('percentiles', 'Percentiles', NumberListEditor, {
      description: 'Quantiles between 0 and 1 (e.g. 0.5, 0.9, 0.99), computed as Prometheus histogram_quantile does.',
    })
    .booleanSwitch('showHeatmap', 'Heatmap over time')
    .booleanSwitch('colorBlind', 'Colour-blind-safe palette', {
      description: 'Okabe–Ito colours for the bars and percentiles, cividis for the heatmap.',
    });
}
