import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { TimeZone } from '@grafana/schema';
import { useStyles2 } from '@grafana/ui';
import { MeshPanelOptions } from '../options';
import { PanelMessage } from '../components/PanelMessage';
import { describeProblems, Histogram, histogramsFor } from './model';
import { valueText } from './format';
import { Figures } from './Figures';
import { HistogramCanvas } from './HistogramCanvas';
import { usePalette } from './usePalette';
import { gridOf } from './grid';
import { figureGrid } from './figureGrid';

/** Space for a small multiple's title and its notes, above and below the figures and the canvas. */
const TITLE_HEIGHT = 20;
const NOTE_HEIGHT = 16;
/** Between the figures and the canvas. */
const FIGURES_MARGIN = 8;

/** One small multiple per histogram in the data: shares, overflow and percentiles as figures over the drawing. */
export function HistogramView({ data, options, width, height, timeZone }: PanelProps<MeshPanelOptions>) {
  const styles = useStyles2(getStyles);
  const { histogram: settings } = options;
  const set = useMemo(() => histogramsFor(data.series, settings), [data.series, settings]);
  const palette = usePalette(settings.percentiles.length, settings.colorBlind);
  const problem = describeProblems(set, data.series.length);
  if (problem) {
    return <PanelMessage title="These buckets cannot be drawn" detail={problem} />;
  }
  const grid = gridOf(set.histograms.length, width, height);
  const several = set.histograms.length > 1;
  return (
    <div
      className={styles.grid}
      style={{ gridTemplateColumns: `repeat(${grid.columns}, 1fr)` }}
      data-testid="histogram-view"
    >
      {set.histograms.map((h, index) => (
        <div key={h.key} className={styles.cell} data-testid={`histogram-multiple-${index}`} data-histogram={h.name}>
          {several && <div className={styles.title}>{h.name}</div>}
          {h.problem ? (
            <PanelMessage title="These buckets cannot be drawn" detail={h.problem} />
          ) : (
            <Multiple
              histogram={h}
              width={grid.cellWidth}
              height={grid.cellHeight - (several ? TITLE_HEIGHT : 0)}
              options={options}
              timeZone={timeZone}
              palette={palette}
            />
          )}
        </div>
      ))}
      {set.ignored.length > 0 && <div className={styles.note}>{set.ignored.join(' ')}</div>}
    </div>
  );
}

interface MultipleProps {
  histogram: Histogram;
  width: number;
  height: number;
  options: MeshPanelOptions;
  timeZone: TimeZone;
  palette: ReturnType<typeof usePalette>;
}

function Multiple({ histogram, width, height, options, timeZone, palette }: MultipleProps) {
  const styles = useStyles2(getStyles);
  const format = useMemo(() => valueText(histogram.config), [histogram.config]);
  const { shares, percentiles } = histogram.range;
  const figures = figureGrid(shares.length + percentiles.length, width);
  const canvasHeight = Math.max(40, height - figures.height - FIGURES_MARGIN - NOTE_HEIGHT * histogram.notes.length);
  return (
    <>
      <Figures histogram={histogram} format={format} percentileColors={palette.percentiles} grid={figures} />
      <div style={{ height: FIGURES_MARGIN }} />
      <HistogramCanvas
        histogram={histogram}
        width={width}
        height={canvasHeight}
        scale={options.histogram.scale}
        showHeatmap={options.histogram.showHeatmap}
        format={format}
        timeZone={timeZone}
        palette={palette}
      />
      {histogram.notes.map((note) => (
        <div key={note} className={styles.note} title={note}>
          {note}
        </div>
      ))}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  grid: css({ display: 'grid', height: '100%', overflow: 'auto', gap: theme.spacing(1) }),
  cell: css({ minWidth: 0, overflow: 'hidden' }),
  title: css({
    ...theme.typography.bodySmall,
    fontWeight: theme.typography.fontWeightMedium,
    height: TITLE_HEIGHT,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  note: css({
    ...theme.typography.bodySmall,
    color: theme.colors.text.secondary,
    height: NOTE_HEIGHT,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
});
