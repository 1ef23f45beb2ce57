import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { Histogram } from './model';
import { overflowFigure, percentileFigure, shareFigure, ValueText } from './format';
import { percentileName } from './render';

interface Props {
  histogram: Histogram;
  format: ValueText;
  percentileColors: string[];
}

/**
 * The large figures: shares within the configured bounds, the +Inf overflow and the percentiles over the range.
 * Test ids and data-value carry the exact numbers for browser tests; the text is what the user reads.
 */
export function Figures({ histogram, format, percentileColors }: Props) {
  const styles = useStyles2(getStyles);
  const { shares, overflow, percentiles } = histogram.range;
  return (
    <div className={styles.row}>
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
}

function Figure({ testId, value, text, caption, kind, color, emphasis }: FigureProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.figure} data-testid={testId} data-value={String(value)} data-kind={kind}>
      <div className={`${styles.value} ${emphasis ?? ''}`} data-testid={`${testId}-text`}>
        {text}
      </div>
      <div className={styles.caption} style={color ? { borderTopColor: color } : undefined}>
        {caption}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), padding: theme.spacing(0.5, 0) }),
  figure: css({ display: 'flex', flexDirection: 'column', minWidth: 64 }),
  value: css({ ...theme.typography.h3, margin: 0, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }),
  overflow: css({ color: theme.colors.warning.text }),
  caption: css({
    ...theme.typography.bodySmall,
    color: theme.colors.text.secondary,
    borderTop: '2px solid transparent',
    whiteSpace: 'nowrap',
  }),
});
