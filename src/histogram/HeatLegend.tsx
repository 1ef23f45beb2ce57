import React, { CSSProperties } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { HeatLegendText } from './legendText';
import { LegendLayout } from './render';

interface Props {
  layout: LegendLayout;
  text: HeatLegendText;
}

const CAPTION_GAP = 8;

/**
 * The text of the heatmap's colour legend, laid over the strip the canvas keeps free for it: the canvas paints the
 * bar with the cells' own pixel path, the labels stay text the reader (and a test) can select.
 */
export function HeatLegend({ layout, text }: Props) {
  const styles = useStyles2(getStyles);
  const { strip, bar } = layout;
  const left = bar.x - strip.x;
  const below = bar.y - strip.y + bar.height;
  const tickPlace = (fraction: number): CSSProperties => {
    if (fraction === 0) {
      return { top: below, left };
    }
    if (fraction === 1) {
      return { top: below, right: strip.width - left - bar.width };
    }
    return { top: below, left: left + fraction * bar.width, transform: 'translateX(-50%)' };
  };
  return (
    <div
      className={styles.strip}
      style={{ left: strip.x, top: strip.y, width: strip.width, height: strip.height }}
      title={text.description}
      data-testid="histogram-heat-legend"
    >
      <div
        className={styles.caption}
        style={{ width: Math.max(0, left - CAPTION_GAP), lineHeight: `${strip.height}px` }}
        data-testid="histogram-heat-legend-caption"
      >
        {text.caption}
      </div>
      <div
        className={styles.bar}
        style={{ left, top: bar.y - strip.y, width: bar.width, height: bar.height }}
        data-testid="histogram-heat-legend-bar"
      />
      {text.ticks.map((tick) => (
        <span
          key={tick.fraction}
          className={styles.tick}
          style={tickPlace(tick.fraction)}
          data-testid="histogram-heat-legend-tick"
          data-value={String(tick.value)}
        >
          {tick.text}
        </span>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  strip: css({
    position: 'absolute',
    ...theme.typography.bodySmall,
    lineHeight: 1.2,
    color: theme.colors.text.secondary,
  }),
  caption: css({
    position: 'absolute',
    left: 0,
    top: 0,
    textAlign: 'right',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  bar: css({ position: 'absolute' }),
  tick: css({ position: 'absolute', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }),
});
