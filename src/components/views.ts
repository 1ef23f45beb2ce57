import { MeshView } from '../options';
import { ViewDefinition } from './viewDefinition';
import { histogramView } from '../histogram/view';
import { topologyView } from '../topology/view';

export const VIEWS: Record<MeshView, ViewDefinition> = {
  topology: topologyView,
  histogram: histogramView,
};
