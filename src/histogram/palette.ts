import { GrafanaTheme2 } from '@grafana/data';
import { CIVIDIS, OKABE_ITO } from '../colorBlindSafe';
import { colorRamp, Palette, Rgb } from './render';

/** The colours that carry meaning, which the colour-blind option swaps; text and grid stay the theme's. */
interface MeaningColors {
  bar: string;
  overflow: string;
  /** Heatmap stops from the fewest observations to the most. */
  heat: Rgb[];
  /** Cycled through when more percentiles are configured. */
  percentiles: string[];
  lineCasing?: string;
}

const PERCENTILE_COLORS = ['green', 'yellow', 'red', 'purple', 'blue', 'orange'];

/**
 * Heatmap colours from the fewest observations to the most: blues that gain contrast against the panel background
 * (darker to lighter on dark, lighter to darker on light), leaving green, yellow and red to the percentile lines.
 */
const HEAT_DARK: Rgb[] = [
  [22, 45, 92],
  [31, 96, 196],
  [87, 148, 242],
  [192, 216, 255],
];
const HEAT_LIGHT: Rgb[] = [
  [222, 235, 255],
  [138, 184, 255],
  [31, 96, 196],
  [12, 38, 92],
];

function themeColors(theme: GrafanaTheme2): MeaningColors {
  const color = (name: string) => theme.visualization.getColorByName(name);
  return {
    bar: color('blue'),
    overflow: color('orange'),
    heat: theme.isDark ? HEAT_DARK : HEAT_LIGHT,
    percentiles: PERCENTILE_COLORS.map(color),
  };
}

/**
 * Bluish green, reddish purple and vermillion mark p50, p90 and p99 as the theme's green, yellow and red do, and are
 * the only Okabe–Ito colours besides the bars' blue with 3:1 contrast on both themes' backgrounds; further
 * percentiles take yellow on dark or black on light, then sky blue and orange. The heatmap's cividis gains contrast
 * against the background as the theme's blues do. Cividis spans every hue a red–green colour-blind reader still
 * tells apart, so no line colour differs from all of its cells by hue alone: the lines are cased in the background.
 */
function colorBlindColors(theme: GrafanaTheme2): MeaningColors {
  const { bluishGreen, reddishPurple, vermillion, yellow, black, skyBlue, orange, blue } = OKABE_ITO;
  return {
    bar: blue,
    overflow: orange,
    heat: theme.isDark ? CIVIDIS : [...CIVIDIS].reverse(),
    percentiles: [bluishGreen, reddishPurple, vermillion, theme.isDark ? yellow : black, skyBlue, orange],
    lineCasing: theme.colors.background.primary,
  };
}

/** Canvas colours for a theme, one per configured percentile. */
export function histogramPalette(theme: GrafanaTheme2, percentiles: number, colorBlind: boolean): Palette {
  const meaning = colorBlind ? colorBlindColors(theme) : themeColors(theme);
  return {
    text: theme.colors.text.secondary,
    grid: theme.colors.border.weak,
    bar: meaning.bar,
    overflow: meaning.overflow,
    heat: colorRamp(meaning.heat),
    percentiles: Array.from({ length: percentiles }, (_, i) => meaning.percentiles[i % meaning.percentiles.length]),
    lineCasing: meaning.lineCasing,
    font: `${theme.typography.bodySmall.fontSize} ${theme.typography.fontFamily}`,
  };
}
