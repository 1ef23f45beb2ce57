import { DataFrame, Field, FieldType } from '@grafana/data';
import { healthOf } from './health';
import { ModelOptions } from './modelOptions';
import { TopologyEdge, TopologyGraph, TopologyNode } from './types';

/** Grafana's Node Graph contract: a nodes frame has `id`, an edges frame has `source` and `target`. */
export function isNodeGraphEdges(frame: DataFrame): boolean {
  const names = new Set(frame.fields.map((f) => f.name));
  return names.has('source') && names.has('target');
}

export function isNodeGraphNodes(frame: DataFrame): boolean {
  return (
    !isNodeGraphEdges(frame) &&
    frame.fields.some((f) => f.name === 'id') &&
    !frame.fields.some((f) => f.labels?.source_workload)
  );
}

const RATE_HINT = /rate|per.?s|rps|reqps|request/i;
const LATENCY_HINT = /latency|duration|response.?time|\bms\b|^ms$|^s$/i;

function text(v: unknown): string {
  return v == null ? '' : String(v);
}

function statTitle(field: Field): string {
  return field.config?.displayName ?? field.config?.unit ?? field.name;
}

/** Title → formatted value, for the tooltip; values stay text and are never parsed as markup. */
function details(fields: Field[], row: number): Array<[string, string]> {
  return fields
    .filter((f) => f.name === 'mainstat' || f.name === 'secondarystat' || f.name.startsWith('detail__'))
    .map((f) => [
      f.config?.displayName ?? f.name.replace(/^detail__/, ''),
      `${text(f.values[row])}${f.config?.unit ? ` ${f.config.unit}` : ''}`,
    ]);
}

/** A stat whose title or unit says it is a rate (requests/s) or a latency (ms), as Tempo's service graph labels them. */
function statByHint(fields: Field[], row: number, hint: RegExp): number | undefined {
  const f = fields.find(
    (f) =>
      (f.name === 'mainstat' || f.name === 'secondarystat') && f.type === FieldType.number && hint.test(statTitle(f))
  );
  const v = f ? Number(f.values[row]) : NaN;
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

export function nodeGraphFramesToGraph(frames: DataFrame[], options: ModelOptions): TopologyGraph {
  const nodes = new Map<string, TopologyNode>();
  const edges = new Map<string, TopologyEdge>();
  let duplicates = 0;
  const blank = (id: string): TopologyNode => ({
    id,
    kind: 'generic',
    label: id,
    cluster: '',
    namespace: '',
    workload: '',
    app: '',
    version: '',
    service: '',
    inRate: 0,
    outRate: 0,
    health: 'none',
  });
  for (const frame of frames.filter(isNodeGraphNodes)) {
    const f = (name: string) => frame.fields.find((x) => x.name === name);
    const arcs = frame.fields.filter((x) => x.name.startsWith('arc__'));
    for (let row = 0; row < frame.length; row++) {
      const id = text(f('id')?.values[row]);
      if (id === '' || nodes.has(id)) {
        duplicates += id === '' ? 0 : 1;
        continue;
      }
      const node = blank(id);
      node.label = text(f('title')?.values[row]) || id;
      node.namespace = text(f('subtitle')?.values[row]);
      node.details = details(frame.fields, row);
      node.color = text(f('color')?.values[row]) || undefined;
      node.arcs = arcs.map((a) => ({
        name: a.name.slice(5),
        share: Number(a.values[row]) || 0,
        color: a.config?.color?.fixedColor,
      }));
      const failed = node.arcs.find((a) => /fail|error/i.test(a.name));
      node.errorShare = failed?.share;
      nodes.set(id, node);
    }
  }
  for (const frame of frames.filter(isNodeGraphEdges)) {
    const f = (name: string) => frame.fields.find((x) => x.name === name);
    for (let row = 0; row < frame.length; row++) {
      const source = text(f('source')?.values[row]);
      const target = text(f('target')?.values[row]);
      const id = text(f('id')?.values[row]) || `${source}->${target}`;
      if (source === '' || target === '' || edges.has(id)) {
        duplicates += edges.has(id) ? 1 : 0;
        continue;
      }
      const rate = statByHint(frame.fields, row, RATE_HINT) ?? 0;
      const edge: TopologyEdge = {
        id,
        source,
        target,
        protocol: 'unknown',
        rate,
        bytesRate: 0,
        unreachedShare: 0,
        responseFlags: [],
        reporter: '',
        p50: statByHint(frame.fields, row, LATENCY_HINT),
        health: 'none',
        details: details(frame.fields, row),
      };
      edge.health = rate > 0 ? 'none' : 'idle';
      edges.set(id, edge);
      for (const end of [source, target]) {
        if (!nodes.has(end)) {
          nodes.set(end, blank(end));
        }
      }
    }
  }
  const edgeList = Array.from(edges.values()).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of edgeList) {
    nodes.get(e.source)!.outRate += e.rate;
    nodes.get(e.target)!.inRate += e.rate;
  }
  nodes.forEach((n) => {
    if (n.errorShare !== undefined) {
      n.health = healthOf({ traffic: 1, errorShare: n.errorShare }, options);
    }
  });
  const notices = duplicates > 0 ? [`${duplicates} rows with a duplicate id were left out.`] : [];
  return { nodes: Array.from(nodes.values()).sort((a, b) => (a.id < b.id ? -1 : 1)), edges: edgeList, notices };
}
