import React from 'react';
import { TopologyEdge, TopologyNode } from './model/types';
import { formatBytes, formatMs, formatRate, formatShare } from './render/format';

type Row = [string, string];

export function nodeRows(n: TopologyNode): Row[] {
  const rows: Row[] = [
    ['Kind', n.special ?? n.kind],
    ['Namespace', n.namespace || '—'],
    ['In', formatRate(n.inRate)],
    ['Out', formatRate(n.outRate)],
    ['Errors', formatShare(n.errorShare)],
  ];
  if (n.cluster) {
    rows.splice(2, 0, ['Cluster', n.cluster]);
  }
  return rows.concat(n.details ?? []);
}

export function edgeRows(e: TopologyEdge): Row[] {
  if (e.protocol === 'tcp') {
    return [
      ['Protocol', 'tcp'],
      ['Throughput', formatBytes(e.bytesRate)],
      ['Reporter', e.reporter || '—'],
    ];
  }
  const rows: Row[] = [
    ['Protocol', e.protocol],
    ['Rate', formatRate(e.rate)],
    ['Errors (5xx)', formatShare(e.errorShare)],
    ['4xx', formatShare(e.clientErrorShare)],
    ['p50', formatMs(e.p50, e.latencyClamped)],
    ['p95', formatMs(e.p95, e.latencyClamped)],
    ['p99', formatMs(e.p99, e.latencyClamped)],
    ['mTLS', formatShare(e.mtlsShare)],
    ['Reporter', e.reporter || '—'],
  ];
  return e.details ? rows.concat(e.details) : rows;
}

/** Every value is a React text child: label values from the network are never parsed as markup. */
export function Tooltip({
  title,
  rows,
  x,
  y,
  className,
}: {
  title: string;
  rows: Row[];
  x: number;
  y: number;
  className: string;
}) {
  return (
    <div
      className={className}
      style={{ left: x + 12, top: y + 12 }}
      data-testid="meshscope-topology-tooltip"
      role="tooltip"
    >
      <div style={{ fontWeight: 500, marginBottom: 4, wordBreak: 'break-all' }}>{title}</div>
      <table>
        <tbody>
          {rows.map(([k, v], i) => (
            <tr key={i}>
              <td style={{ paddingRight: 8, opacity: 0.7 }}>{k}</td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
