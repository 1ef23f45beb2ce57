import { edgeDistance } from './edgeGeometry';
import { Scene } from './scene';

/** The topmost node (the last drawn: scene.nodeOrder) whose disc holds the world point, within `slack` world units. */
export function nodeAt(scene: Scene, wx: number, wy: number, slack = 0): number {
  for (let j = scene.nodeOrder.length - 1; j >= 0; j--) {
    const i = scene.nodeOrder[j];
    const r = scene.radius[i] + slack;
    const dx = scene.x[i] - wx;
    const dy = scene.y[i] - wy;
    if (dx * dx + dy * dy <= r * r) {
      return i;
    }
  }
  return -1;
}

/** The edge nearest to the world point within `tolerance` world units, or -1. Linear, ~0.2 ms for 20,000 edges. */
export function edgeAt(scene: Scene, wx: number, wy: number, tolerance: number): number {
  let best = -1;
  let bestDistance = tolerance;
  for (let e = 0; e < scene.edges.length; e++) {
    const d = edgeDistance(scene, e, wx, wy);
    if (d <= bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}
