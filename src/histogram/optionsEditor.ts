import { PanelOptionsEditorBuilder } from '@grafana/data';
import { DEFAULT_OPTIONS, MeshPanelOptions } from '../options';
import { NumberListEditor } from './NumberListEditor';

const category = ['Histogram'];
const defaults = DEFAULT_OPTIONS.histogram;
const isHistogram = (o: MeshPanelOptions) => o.view === 'histogram';

export function addHistogramOptions(builder: PanelOptionsEditorBuilder<MeshPanelOptions>) {
  builder
    .addRadio({
      path: 'histogram.scale',
      name: 'Bucket axis',
      category,
      defaultValue: defaults.scale,
      settings: {
        options: [
          { value: 'log', label: 'Logarithmic' },
          { value: 'linear', label: 'Linear' },
        ],
      },
      showIf: isHistogram,
    })
    .addCustomEditor({
      id: 'histogram.shareBounds',
      path: 'histogram.shareBounds',
      name: 'Share within',
      description: 'Upper bounds, in the field unit, whose cumulative share is shown as a figure (e.g. 0.1, 0.5, 1, 3).',
      category,
      defaultValue: defaults.shareBounds,
      editor: NumberListEditor,
      showIf: isHistogram,
    })
    .addCustomEditor({
      id: 'histogram.percentiles',
      path: 'histogram.percentiles',
      name: 'Percentiles',
      description: 'Quantiles between 0 and 1 (e.g. 0.5, 0.9, 0.99), computed as Prometheus histogram_quantile does.',
      category,
      defaultValue: defaults.percentiles,
      editor: NumberListEditor,
      showIf: isHistogram,
    })
    .addBooleanSwitch({
      path: 'histogram.showHeatmap',
      name: 'Heatmap over time',
      category,
      defaultValue: defaults.showHeatmap,
      showIf: isHistogram,
    });
}
