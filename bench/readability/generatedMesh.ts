import { DataFrame } from '@grafana/data';
import { generateTopology } from '../../simulator';
import { truthFrames } from '../../test/support/truthFrames';

/** The simulator's `generated:300x12x900` mesh, as `npm start -- --topology generated:300x12x900` serves it. */
export const GENERATED_MESH = { workloads: 300, namespaces: 12, edges: 900 };

export function generatedMeshFrames(): DataFrame[] {
  return truthFrames(generateTopology(GENERATED_MESH));
}
