import React, { useEffect, useRef } from 'react';
import { ERROR_KINDS } from '../istio/semantics';
import { Badge, BADGE_LEGEND, drawBadge } from './render/badges';
import { HealthColors } from './render/palette';
import { Shape, SHAPE_LEGEND, svgPoints } from './render/shapes';

const ENTRIES: Array<[keyof HealthColors, string]> = [
  ['healthy', 'Healthy'],
  ['degraded', 'Degraded'],
  ['failure', 'Failing'],
  ['none', 'TCP / no error data'],
  ['idle', 'Idle'],
];

const SIZE = 12;

/** A node shape as the canvas draws it, from the same outline. */
function ShapeIcon({ shape, color }: { shape: Shape; color: string }) {
  const c = SIZE / 2;
  const r = SIZE * 0.36;
  return (
    <svg width={SIZE} height={SIZE} style={{ marginRight: 4, verticalAlign: 'middle' }} aria-hidden>
      {shape === 'circle' ? (
        <circle cx={c} cy={c} r={r} fill={color} />
      ) : (
        <polygon points={svgPoints(shape, c, c, r)} fill={color} />
      )}
    </svg>
  );
}

/** A badge drawn by the renderer's own code, so the legend cannot show another glyph than the graph. */
function BadgeIcon({ badge, color }: { badge: Badge; color: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    canvas.width = SIZE * dpr;
    canvas.height = SIZE * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = color;
    ctx.strokeStyle = color;
    drawBadge(ctx, badge, 1, 1, SIZE - 2);
  }, [badge, color]);
  return (
    <canvas ref={ref} style={{ width: SIZE, height: SIZE, marginRight: 4, verticalAlign: 'middle' }} aria-hidden />
  );
}

interface Props {
  colors: HealthColors;
  /** Colours of the glyphs and of the popup behind them, as the canvas draws them. */
  text: string;
  background: string;
  className: string;
}

export function Legend({ colors, text, background, className }: Props) {
  return (
    <div className={className} data-testid="meshscope-topology-legend">
      {ENTRIES.map(([key, label]) => (
        <span key={key}>
          <span
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 5,
              background: colors[key],
              marginRight: 4,
            }}
          />
          {label}
        </span>
      ))}
      <span>Errors: {ERROR_KINDS}</span>
      {/* Shapes and badges open over the graph rather than taking rows from it: the canvas keeps its height. */}
      <details style={{ position: 'relative' }} data-testid="meshscope-topology-legend-more">
        <summary style={{ cursor: 'pointer' }}>Shapes &amp; badges</summary>
        <div
          style={{
            position: 'absolute',
            zIndex: 3,
            right: 0,
            display: 'grid',
            gridTemplateColumns: 'auto auto',
            gap: '2px 12px',
            padding: 8,
            whiteSpace: 'nowrap',
            background: background,
            boxShadow: '0 2px 8px rgba(0,0,0,0.3)',
          }}
        >
          {SHAPE_LEGEND.map(([shape, label]) => (
            <span key={shape} data-testid={`meshscope-topology-legend-shape-${shape}`}>
              <ShapeIcon shape={shape} color={text} />
              {label}
            </span>
          ))}
          {BADGE_LEGEND.map(([badge, label]) => (
            <span key={badge} data-testid={`meshscope-topology-legend-badge-${badge}`}>
              <BadgeIcon badge={badge} color={text} />
              {label}
            </span>
          ))}
          <span style={{ gridColumn: '1 / 3' }}>Marks: IN ingress · EG egress · WP waypoint · PT passthrough</span>
          <span style={{ gridColumn: '1 / 3' }}>BH blackhole · EXT external · ? unknown</span>
        </div>
      </details>
    </div>
  );
}
