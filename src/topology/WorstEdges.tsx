import React from 'react';
import { ERRORS_LABEL } from '../istio/semantics';
import { Scene } from './render/scene';
import { formatBytes, formatMs, formatRate } from './render/format';
import { errorText } from './Tooltip';

/** Width of the list beside the canvas, in CSS pixels: the layout is fitted to what remains. */
export const WORST_EDGES_WIDTH = 300;

export interface WorstEdgeRow {
  edge: number;
  title: string;
  errors: string;
  p95: string;
  traffic: string;
}

/** The list's rows, formatted as the tooltip formats the same figures. */
export function worstEdgeRows(scene: Scene, ranked: number[]): WorstEdgeRow[] {
  return ranked.map((i) => {
    const e = scene.edges[i];
    return {
      edge: i,
      title: `${scene.nodes[scene.from[i]].label} → ${scene.nodes[scene.to[i]].label}`,
      errors: errorText(e.errorShare),
      p95: formatMs(e.p95, e.latencyClamped),
      traffic: e.protocol === 'tcp' ? formatBytes(e.bytesRate) : formatRate(e.rate),
    };
  });
}

interface Props {
  rows: WorstEdgeRow[];
  /** Scene index of the edge last picked, or -1. */
  selected: number;
  onSelect: (edge: number) => void;
  className: string;
}

/** Beside the canvas: the worst edges, worst first; a click centres and highlights one. Labels are text children. */
export function WorstEdges({ rows, selected, onSelect, className }: Props) {
  return (
    <div className={className} data-testid="meshscope-worst-edges" style={{ width: WORST_EDGES_WIDTH }}>
      <table>
        <caption>Worst edges</caption>
        <thead>
          <tr>
            <th scope="col">Edge</th>
            <th scope="col" title={ERRORS_LABEL}>
              Errors
            </th>
            <th scope="col">p95</th>
            <th scope="col">Rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.edge} aria-selected={r.edge === selected} data-testid="meshscope-worst-edge">
              <td>
                <button type="button" title={r.title} onClick={() => onSelect(r.edge)}>
                  {r.title}
                </button>
              </td>
              <td>{r.errors}</td>
              <td>{r.p95}</td>
              <td>{r.traffic}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div>No traffic on any edge.</div>}
    </div>
  );
}
