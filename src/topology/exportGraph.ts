import { TopologyGraph } from './model/types';
import { Scene } from './render/scene';

/** The graph as the panel shows it: figures plus current positions, for diffing meshes or feeding other tools. */
export function graphToJson(graph: TopologyGraph, scene: Scene): string {
  return JSON.stringify(
    {
      nodes: graph.nodes.map((n) => {
        const i = scene.indexOf.get(n.id)!;
        return { ...n, x: scene.x[i], y: scene.y[i] };
      }),
      edges: scene.edges,
      notices: graph.notices,
    },
    null,
    2
  );
}

export function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

export function downloadJson(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  download(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
