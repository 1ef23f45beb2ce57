import { useMemo } from 'react';
import { colorManipulator } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { colorRamp, Palette, Rgb } from './render';

const PERCENTILE_COLORS = ['green', 'yellow', 'red', 'purple', 'blue', 'orange'];

/** Canvas colours from the Grafana theme, one per configured percentile. */
export function usePalette(percentiles: number): Palette {
  const theme = useTheme2();
  return useMemo(() => {
    const color = (name: string) => theme.visualization.getColorByName(name);
    const heat = colorManipulator.decomposeColor(colorManipulator.asRgbString(color('blue'))).values.slice(0, 3) as Rgb;
    return {
      text: theme.colors.text.secondary,
      grid: theme.colors.border.weak,
      bar: color('blue'),
      overflow: color('orange'),
      heat: colorRamp(heat),
      percentiles: Array.from({ length: percentiles }, (_, i) => color(PERCENTILE_COLORS[i % PERCENTILE_COLORS.length])),
      font: `${theme.typography.bodySmall.fontSize} ${theme.typography.fontFamily}`,
    };
  }, [theme, percentiles]);
}
