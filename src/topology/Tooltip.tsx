import React, { CSSProperties, useCallback, useState } from 'react';
import { ERRORS_LABEL, NO_ERROR_DATA } from '../istio/semantics';
import { TopologyEdge, TopologyNode } from './model/types';
import { formatBytes, formatMs, formatRate, formatShare } from './render/format';

type Row = [string, string];

/** An edge's or node's error share as every view of the mesh shows it. */
export const errorText = (share: number | undefined) => (share === undefined ? NO_ERROR_DATA : formatShare(share));

export function nodeRows(n: TopologyNode): Row[] {
  const rows: Row[] = [
    ['Kind', n.special ?? n.kind],
    ['Namespace', n.namespace || '—'],
    ['In', formatRate(n.inRate)],
    ['Out', formatRate(n.outRate)],
    [ERRORS_LABEL, errorText(n.errorShare)],
    ['mTLS', formatShare(n.mtlsShare)],
  ];
  if (n.unreachedShare) {
    rows.push(['Not delivered', formatShare(n.unreachedShare)]);
  }
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
    [ERRORS_LABEL, errorText(e.errorShare)],
    ['4xx', errorText(e.clientErrorShare)],
    ['p50', formatMs(e.p50, e.latencyClamped)],
    ['p95', formatMs(e.p95, e.latencyClamped)],
    ['p99', formatMs(e.p99, e.latencyClamped)],
    ['mTLS', formatShare(e.mtlsShare)],
    ['Reporter', e.reporter || '—'],
  ];
  if (e.l4Folded) {
    // An estimate says so: the share of a waypoint leg split by request rate (model/ambient.ts).
    rows.push(['L4 bytes (ztunnel)', `${e.l4Estimated ? '≈ ' : ''}${formatBytes(e.bytesRate)}`]);
  }
  if (e.responseFlags.length > 0) {
    rows.push(['Not delivered', formatShare(e.unreachedShare)]);
    rows.push(['Response flags', e.responseFlags.map((f) => `${f.flag} ${formatShare(f.share)}`).join(' · ')]);
  }
  return e.details ? rows.concat(e.details) : rows;
}

/**
 * Places a popup `gap` px from the pointer at (x, y), on the side with more room: the panel clips what overflows,
 * so a tooltip or menu opened near the right or bottom edge would otherwise be cut off.
 */
export function usePopupPlacement(x: number, y: number, gap: number) {
  const [room, setRoom] = useState<{ width: number; height: number }>();
  // A callback ref runs in the commit, so the first paint already has the popup on the right side.
  const measure = useCallback((el: HTMLElement | null) => {
    const parent = el?.offsetParent;
    if (parent) {
      setRoom({ width: parent.clientWidth, height: parent.clientHeight });
    }
  }, []);
  const style: CSSProperties =
    room === undefined
      ? { left: x + gap, top: y + gap }
      : {
          ...(x > room.width / 2 ? { right: room.width - x + gap } : { left: x + gap }),
          ...(y > room.height / 2 ? { bottom: room.height - y + gap } : { top: y + gap }),
        };
  return { measure, style };
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
  const { measure, style } = usePopupPlacement(x, y, 12);
  return (
    <div ref={measure} className={className} style={style} data-testid="meshscope-topology-tooltip" role="tooltip">
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
