import { useCallback, useEffect, useMemo, useState } from 'react';
import { colorManipulator } from '@grafana/data';
import { neighbourhood } from '../model/neighbourhood';
import { Scene } from '../render/scene';
import { TopologyTestHook } from './testHook';

/** Opacity of what lies outside the focused neighbourhood: still there for orientation, no longer competing. */
export const FADED_ALPHA = 0.15;

/**
 * The scene as drawn in focus: nodes outside `member` and edges not between two members in faded colours and
 * without labels. Positions are the scene's own arrays, so dragging still moves what is drawn.
 */
export function fadeOutside(scene: Scene, member: Uint8Array): Scene {
  const fade = (color: string) => colorManipulator.alpha(color, FADED_ALPHA);
  const kept = (e: number) => member[scene.from[e]] === 1 && member[scene.to[e]] === 1;
  return {
    ...scene,
    // Text cannot be faded through the scene, so faded nodes and edges lose their labels instead.
    nodes: scene.nodes.map((n, i) => (member[i] ? n : { ...n, label: '' })),
    nodeColor: scene.nodeColor.map((c, i) => (member[i] ? c : fade(c))),
    edgeColor: scene.edgeColor.map((c, e) => (kept(e) ? c : fade(c))),
    edgeLabel: scene.edgeLabel.map((text, e) => (kept(e) ? text : '')),
  };
}

export interface Focus {
  /** Scene index of the focused node, -1 when not in focus. */
  node: number;
  hops: number;
  setHops: (hops: number) => void;
  /** Focuses `node`, or leaves focus if it is the focused one. */
  toggle: (node: number) => void;
  leave: () => void;
  /** Membership by node index while in focus. */
  member?: Uint8Array;
  /** What to paint: the scene, faded outside the neighbourhood while in focus. */
  painted: Scene;
  /** The focus as the test hook reports it. */
  forTests: TopologyTestHook['focus'];
}

/**
 * Focus mode: a node's neighbourhood of `hops` (default 1) drawn, the rest faded; Escape leaves it. Kept by node id,
 * so a refresh of the data keeps the same node in focus.
 */
export function useFocus(scene: Scene): Focus {
  const [focused, setFocused] = useState<string>();
  const [hops, setHops] = useState(1);
  const node = focused === undefined ? -1 : (scene.indexOf.get(focused) ?? -1);
  const member = useMemo(
    () => (node >= 0 ? neighbourhood(scene.nodes.length, scene.from, scene.to, node, hops) : undefined),
    [scene, node, hops]
  );
  const painted = useMemo(() => (member ? fadeOutside(scene, member) : scene), [scene, member]);
  const leave = useCallback(() => setFocused(undefined), []);
  const toggle = useCallback(
    (i: number) => setFocused((id) => (id === scene.nodes[i].id ? undefined : scene.nodes[i].id)),
    [scene]
  );
  useEffect(() => {
    if (node < 0) {
      return;
    }
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && leave();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [node, leave]);
  const forTests = useCallback(
    () =>
      member && {
        node: scene.nodes[node].id,
        hops,
        members: scene.nodes.flatMap((n, i) => (member[i] ? [n.id] : [])),
      },
    [scene, node, hops, member]
  );
  return { node, hops, setHops, toggle, leave, member, painted, forTests };
}
