import React from 'react';
import { PanelProps } from '@grafana/data';
import { MeshPanelOptions } from '../options';
import { PanelMessage } from '../components/PanelMessage';

// Placeholder until the topology issue lands its model, layout and renderer.
export function TopologyView({ data }: PanelProps<MeshPanelOptions>) {
  return (
    <PanelMessage
      title="Topology"
      detail={`${data.series.length} frame(s) recognised; the graph renderer is not built yet.`}
    />
  );
}
