import React from 'react';
import { Scene } from '../render/scene';
import { edgeRows, nodeRows, Tooltip } from '../Tooltip';
import { Hover } from './useHoverOverlay';

/** The tooltip of the hovered node or edge, if any. */
export function SceneTooltip({ scene, hover, className }: { scene: Scene; hover: Hover; className: string }) {
  if (hover.node >= 0 && hover.node < scene.nodes.length) {
    const n = scene.nodes[hover.node];
    return <Tooltip title={n.label} rows={nodeRows(n)} x={hover.x} y={hover.y} className={className} />;
  }
  if (hover.edge >= 0 && hover.edge < scene.edges.length) {
    const e = scene.edges[hover.edge];
    const title = `${scene.nodes[scene.from[hover.edge]].label} → ${scene.nodes[scene.to[hover.edge]].label}`;
    return <Tooltip title={title} rows={edgeRows(e)} x={hover.x} y={hover.y} className={className} />;
  }
  return null;
}
