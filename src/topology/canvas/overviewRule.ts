import { drawingBounds } from '../layout/bounds';
import { Layout } from '../layout/types';
import { LOD } from '../render/renderScene';
import { fitViewport } from '../render/viewport';

/**
 * Whether a mesh opens as the aggregated overview: when its full picture, fitted to the canvas, is drawn at a zoom
 * where node labels cannot be at least 9 px high in the room the layout gives them (the renderer then shows none).
 * The layout's extent is what the node count and the groups make of the panel's shape, so this is the exact
 * condition rather than an estimate from the count alone.
 */
export function opensAsOverview(layout: Layout, width: number, height: number): boolean {
  const bounds = drawingBounds(layout.x, layout.y, layout.groups);
  return !!bounds && width > 0 && height > 0 && fitViewport(bounds, width, height).k < LOD.nodeLabels;
}
