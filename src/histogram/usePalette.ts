import { useMemo } from 'react';
import { useTheme2 } from '@grafana/ui';
import { colorRamp, Palette, Rgb } from './render';

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

/** Canvas colours from the Grafana theme, one per configured percentile. */
export function usePalette(percentiles: number): Palette {
  const theme = useTheme2();
  return useMemo(() => {
    const color = (name: string) => theme.visualization.getColorByName(name);
    return {
      text: theme.colors.text.secondary,
      grid: theme.colors.border.weak,
      bar: color('blue'),
      overflow: color('orange'),
      heat: colorRamp(theme.isDark ? HEAT_DARK : HEAT_LIGHT),
      percentiles: Array.from({ length: percentiles }, (_, i) => color(PERCENTILE_COLORS[i % PERCENTILE_COLORS.length])),
      font: `${theme.typography.bodySmall.fontSize} ${theme.typography.fontFamily}`,
    };
  }, [theme, percentiles]);
}
