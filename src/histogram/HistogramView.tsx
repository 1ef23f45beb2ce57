import React from 'react';
import { PanelProps } from '@grafana/data';
import { MeshPanelOptions } from '../options';
import { PanelMessage } from '../components/PanelMessage';

// Placeholder until the histogram issue lands its bucket model and renderer.
export function HistogramView({ data }: PanelProps<MeshPanelOptions>) {
  return <PanelMessage title="Histogram" detail={`${data.series.length} frame(s) of buckets recognised; the renderer is not built yet.`} />;
}
