import { PanelPlugin } from '@grafana/data';
import { MeshPanel } from './components/MeshPanel';
import { DEFAULT_OPTIONS, MeshPanelOptions } from './options';
import { addHistogramOptions } from './histogram/optionsEditor';
import { addTopologyOptions } from './topology/optionsEditor';

export const plugin = new PanelPlugin<MeshPanelOptions>(MeshPanel).setPanelOptions((builder) => {
  builder.addRadio({
    path: 'view',
    name: 'View',
    description: 'Topology draws the mesh from istio_requests_total / istio_tcp_* results; Histogram draws le buckets.',
    defaultValue: DEFAULT_OPTIONS.view,
    settings: {
      options: [
        { value: 'topology', label: 'Topology' },
        { value: 'histogram', label: 'Histogram' },
      ],
    },
  });
  addTopologyOptions(builder);
  addHistogramOptions(builder);
});
