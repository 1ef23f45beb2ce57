import { useMemo } from 'react';
import { useTheme2 } from '@grafana/ui';
import { Palette } from './render';
import { histogramPalette } from './palette';

/** The canvas colours for the current Grafana theme. */
export function usePalette(percentiles: number, colorBlind: boolean): Palette {
  const theme = useTheme2();
  return useMemo(() => histogramPalette(theme, percentiles, colorBlind), [theme, percentiles, colorBlind]);
}
