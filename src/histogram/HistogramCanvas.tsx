import React, { useEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { useStyles2 } from '@grafana/ui';
import { HistogramScale } from '../options';
import { Histogram } from './model';
import { ValueText } from './format';
import { bucketAtPixel, ChartLayout, contains, LegendLayout, Palette, renderHistogram } from './render';
import { bucketTooltip } from './tooltip';
import { heatLegendText } from './legendText';
import { HeatLegend } from './HeatLegend';

interface Props {
  histogram: Histogram;
  width: number;
  height: number;
  scale: HistogramScale;
  showHeatmap: boolean;
  format: ValueText;
  /** The dashboard's time zone, for the heatmap's time labels. */
  timeZone: TimeZone;
  palette: Palette;
}

interface Hover {
  x: number;
  y: number;
  lines: string[];
}

/** Known only once the heatmap is drawn: its top colour stands for the busiest pixel column's mean. */
interface Legend {
  layout: LegendLayout;
  max: number;
}

/** The distribution and heatmap canvas, with the heatmap's colour legend and a text tooltip of the bucket under the pointer. */
export function HistogramCanvas({ histogram, width, height, scale, showHeatmap, format, timeZone, palette }: Props) {
  const styles = useStyles2(getStyles);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = useRef<ChartLayout | undefined>(undefined);
  const [hover, setHover] = useState<Hover>();
  const [legend, setLegend] = useState<Legend>();
  const ratio = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;

  useEffect(() => {
    // jsdom and old browsers have no 2D context: then there is simply no drawing, the figures still show.
    const ctx = canvas.current?.getContext('2d');
    if (ctx) {
      const formatTime = (time: number) =>
        dateTimeFormat(time, { format: time % 60_000 === 0 ? 'HH:mm' : 'HH:mm:ss', timeZone });
      const options = { width, height, scale, showHeatmap, pixelRatio: ratio, formatBound: format, formatTime };
      const drawing = renderHistogram(ctx, histogram, options, palette);
      layout.current = drawing.layout;
      const strip = drawing.layout.legend;
      setLegend(strip && drawing.heatMax ? { layout: strip, max: drawing.heatMax } : undefined);
    }
  }, [histogram, width, height, scale, showHeatmap, format, timeZone, palette, ratio]);

  const onMove = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const at = layout.current;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    setHover(at ? hoverAt(histogram, at, x, y, format) : undefined);
  };

  return (
    <div className={styles.wrap} style={{ width, height }}>
      <canvas
        ref={canvas}
        width={Math.round(width * ratio)}
        height={Math.round(height * ratio)}
        style={{ width, height }}
        data-testid="histogram-canvas"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(undefined)}
      />
      {legend && (
        <HeatLegend
          layout={legend.layout}
          text={heatLegendText(legend.max, histogram.counters, legend.layout.bar.width)}
        />
      )}
      {hover && (
        <div
          className={styles.tooltip}
          style={{ left: Math.min(hover.x + 12, width - 220), top: hover.y + 12 }}
          data-testid="histogram-tooltip"
        >
          {hover.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}

function hoverAt(h: Histogram, layout: ChartLayout, x: number, y: number, format: ValueText): Hover | undefined {
  if (contains(layout.distribution, x, y)) {
    const bucket = bucketAtPixel(layout.valueAxis.edges, x);
    return bucket < 0 ? undefined : { x, y, lines: bucketTooltip(h, bucket, undefined, format) };
  }
  if (layout.heatmap && layout.heatmapAxis && contains(layout.heatmap, x, y) && h.times.length > 0) {
    const bucket = bucketAtPixel(layout.heatmapAxis.edges, y);
    const step = Math.min(
      h.times.length - 1,
      Math.floor(((x - layout.heatmap.x) / layout.heatmap.width) * h.times.length)
    );
    return bucket < 0 ? undefined : { x, y, lines: bucketTooltip(h, bucket, step, format) };
  }
  return undefined;
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ position: 'relative' }),
  tooltip: css({
    position: 'absolute',
    pointerEvents: 'none',
    width: 210,
    padding: theme.spacing(0.5, 1),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    ...theme.typography.bodySmall,
    zIndex: 1,
  }),
});
