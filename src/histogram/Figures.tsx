import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { Histogram } from './model';
import { overflowFigure, percentileFigure, shareFigure, ValueText } from './format';
import { percentileName } from './render';
import { COLUMN_GAP, FigureGrid, ROW_GAP, ROW_HEIGHT } from './figureGrid';

interface Props {
  histogram: Histogram;
  format: ValueText;
  percentileColors: string[];
  grid: FigureGrid;
}

/**
 * The large figures: shares within the configured bounds, the +Inf overflow and the percentiles over the range.
 * Test ids and data-value carry the exact numbers for browser tests; the text is what the user reads.
 */
export function Figures({ histogram, format, percentileColors, grid }: Props) {
  const styles = useStyles2(getStyles);
  const { shares, overflow, percentiles } = histogram.range;
  const layout = {
    gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
    gridAutoRows: ROW_HEIGHT[grid.size],
    height: grid.height,
  };
  return (
    <div className={`${styles.grid} ${grid.size === 'large' ? styles.large : styles.compact}`} style={layout}>
      {shares.map((share) => (
        <Figure
          key={`share-${share.bound}`}
          testId={`histogram-share-${share.bound}`}
          value={share.value}
          kind={share.kind}
          text={shareFigure(share)}
          caption={`within ${format(share.bound)}`}
        />
      ))}
      <Figure
        testId="histogram-overflow"
        value={overflow.value}
        text={overflowFigure(overflow, format)}
        caption="in +Inf, above the top bucket"
        emphasis={overflow.value > 0 ? styles.overflow : undefined}
        wide
      />
      {percentiles.map((p, i) => (
        <Figure
          key={`p-${p.q}`}
          testId={`histogram-percentile-${p.q}`}
          value={p.value}
          kind={p.clamped ? 'clamped' : undefined}
          text={percentileFigure(p, format)}
          caption={`p${percentileName(p.q)}${p.clamped ? ' (in +Inf)' : ''}`}
          color={percentileColors[i]}
        />
      ))}
    </div>
  );
}

interface FigureProps {
  testId: string;
  value: number;
  text: string;
  caption: string;
  kind?: string;
  color?: string;
  emphasis?: string;
  /** Spans two grid columns: its text is longer than a share's. */
  wide?: boolean;
}

function Figure({ testId, value, text, caption, kind, color, emphasis, wide }: FigureProps) {
  const styles = useStyles2(getStyles);
  return (
    <div
      className={styles.figure}
      style={wide ? { gridColumn: 'span 2' } : undefined}
      title={`${text} ${caption}`}
      data-testid={testId}
      data-value={String(value)}
      data-kind={kind}
    >
      <div className={`${styles.value} ${emphasis ?? ''}`} data-figure-value data-testid={`${testId}-text`}>
        {text}
      </div>
      <div className={styles.caption} style={color ? { borderTopColor: color } : undefined}>
        {caption}
      </div>
    </div>
  );
}

const ellipsis = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ display: 'grid', gridAutoFlow: 'row dense', columnGap: COLUMN_GAP, rowGap: ROW_GAP, overflow: 'hidden' }),
  large: css({ '& [data-figure-value]': { ...theme.typography.h3 } }),
  compact: css({ '& [data-figure-value]': { ...theme.typography.h5 } }),
  figure: css({ display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', minWidth: 0 }),
  value: css({ margin: 0, fontVariantNumeric: 'tabular-nums', ...ellipsis }),
  overflow: css({ color: theme.colors.warning.text }),
  caption: css({
    ...theme.typography.bodySmall,
    color: theme.colors.text.secondary,
    borderTop: '2px solid transparent',
    ...ellipsis,
  }),
});
