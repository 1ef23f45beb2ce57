import { GrafanaTheme2 } from '@grafana/data';
import { OKABE_ITO } from '../../colorBlindSafe';
import { Health } from '../model/types';

export type HealthColors = Record<Health, string>;

/** Okabe–Ito colours: told apart with every common colour-vision deficiency; failure is also drawn thicker. */
const COLOR_BLIND: Omit<HealthColors, 'idle' | 'none'> = {
  healthy: OKABE_ITO.blue,
  degraded: OKABE_ITO.orange,
  failure: OKABE_ITO.vermillion,
};

export function healthColors(theme: GrafanaTheme2, colorBlind: boolean): HealthColors {
  const c = (name: string) => theme.visualization.getColorByName(name);
  const base = colorBlind ? COLOR_BLIND : { healthy: c('green'), degraded: c('orange'), failure: c('red') };
  return { ...base, idle: theme.colors.text.disabled, none: colorBlind ? OKABE_ITO.skyBlue : c('blue') };
}

export interface SceneStyle {
  colors: HealthColors;
  text: string;
  textMuted: string;
  background: string;
  groupFill: string;
  groupStroke: string;
  highlight: string;
  fontFamily: string;
}

export function sceneStyle(theme: GrafanaTheme2, colorBlind: boolean): SceneStyle {
  return {
    colors: healthColors(theme, colorBlind),
    text: theme.colors.text.primary,
    textMuted: theme.colors.text.secondary,
    background: theme.colors.background.primary,
    groupFill: theme.isDark ? 'rgba(255,255,255,0.03)' : 'rgba(0,0,0,0.03)',
    groupStroke: theme.colors.border.medium,
    highlight: theme.colors.primary.main,
    fontFamily: theme.typography.fontFamily,
  };
}
