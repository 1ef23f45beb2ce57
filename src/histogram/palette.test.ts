import { createTheme } from '@grafana/data';
import { colorRamp } from './render';
import { histogramPalette } from './palette';

const THEMES = { dark: createTheme({ colors: { mode: 'dark' } }), light: createTheme({ colors: { mode: 'light' } }) };

type Rgb = [number, number, number];

/** A ramp entry (ABGR, as ImageData's bytes read on a little-endian machine) as RGB. */
const rampRgb = (word: number): Rgb => [word & 255, (word >>> 8) & 255, (word >>> 16) & 255];

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/** WCAG 2 relative luminance. */
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * Full protanopia, deuteranopia and tritanopia as simulated by Machado, Oliveira and Fernandes, "A Physiologically-based
 * Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009 (severity 1.0), applied in linear RGB.
 */
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of linear RGB, clamped to the gamut as a screen would show it. */
function lab(lin: number[]): number[] {
  const [r, g, b] = lin.map((c) => Math.min(1, Math.max(0, c)));
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ];
  const [fx, fy, fz] = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference between two colours as a reader with the deficiency sees them. */
function differenceSeenWith(matrix: number[][], a: string, b: string): number {
  const seen = (hex: string) => lab(matrix.map((row) => rgbOf(hex).reduce((sum, c, i) => sum + row[i] * linear(c), 0)));
  const [p, q] = [seen(a), seen(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('the default palette is the Grafana theme’s, as before the colour-blind option', () => {
  it.each([
    ['dark', '#5794F2', '#FF9830', ['#73BF69', '#FADE2A', '#F2495C', '#B877D9', '#5794F2', '#FF9830', '#73BF69']],
    ['light', '#3274D9', '#FF780A', ['#56A64B', '#F2CC0C', '#E02F44', '#A352CC', '#3274D9', '#FF780A', '#56A64B']],
  ] as const)('%s theme', (mode, bar, overflow, percentiles) => {
    const theme = THEMES[mode];
    const palette = histogramPalette(theme, 7, false);
    expect(palette).toEqual({
      text: theme.colors.text.secondary,
      grid: theme.colors.border.weak,
      bar,
      overflow,
      // prettier-ignore
      heat: colorRamp(mode === 'dark'
        ? [[22, 45, 92], [31, 96, 196], [87, 148, 242], [192, 216, 255]]
        : [[222, 235, 255], [138, 184, 255], [31, 96, 196], [12, 38, 92]]),
      percentiles,
      lineCasing: undefined,
      font: `${theme.typography.bodySmall.fontSize} ${theme.typography.fontFamily}`,
    });
  });
});

describe('the colour-blind palette', () => {
  // Okabe–Ito (https://jfly.uni-koeln.de/color/) and the ends of cividis (matplotlib's _cividis_data, first and last).
  const okabeIto = {
    blue: '#0072B2',
    orange: '#E69F00',
    bluishGreen: '#009E73',
    reddishPurple: '#CC79A7',
    vermillion: '#D55E00',
    yellow: '#F0E442',
    black: '#000000',
    skyBlue: '#56B4E9',
  };
  const cividisLow: Rgb = [0, 34, 78];
  const cividisHigh: Rgb = [254, 232, 56];

  it.each([
    ['dark', okabeIto.yellow, cividisLow, cividisHigh, '#181b1f'],
    ['light', okabeIto.black, cividisHigh, cividisLow, '#ffffff'],
  ] as const)(
    '%s theme: Okabe–Ito bars and percentiles, cividis cells, lines cased in the background',
    (mode, fourth, fewest, most, background) => {
      const theme = THEMES[mode];
      const palette = histogramPalette(theme, 8, true);
      expect(palette.bar).toBe(okabeIto.blue);
      expect(palette.overflow).toBe(okabeIto.orange);
      const { bluishGreen, reddishPurple, vermillion, skyBlue, orange } = okabeIto;
      expect(palette.percentiles).toEqual([
        bluishGreen,
        reddishPurple,
        vermillion,
        fourth,
        skyBlue,
        orange,
        bluishGreen,
        reddishPurple,
      ]);
      expect(rampRgb(palette.heat[1])).toEqual(fewest);
      expect(rampRgb(palette.heat[255])).toEqual(most);
      expect(palette.heat[0]).toBe(0);
      expect(palette.lineCasing).toBe(background);
      expect(palette.text).toBe(theme.colors.text.secondary);
    }
  );

  // Every 16th level: between neighbours, rounding to 8 bits may dip by a thousandth.
  it.each(['dark', 'light'] as const)(
    '%s theme: the heatmap gains contrast against the background up the ramp',
    (mode) => {
      const { heat } = histogramPalette(THEMES[mode], 3, true);
      const background = rgbOf(THEMES[mode].colors.background.primary);
      const levels = Array.from({ length: 17 }, (_, i) => Math.max(1, i * 16 - 1));
      const contrasts = levels.map((level) => contrast(rampRgb(heat[level]), background));
      contrasts.slice(1).forEach((c, i) => expect(c).toBeGreaterThan(contrasts[i]));
    }
  );

  it.each(['dark', 'light'] as const)(
    '%s theme: bars and p50, p90, p99 stand 3:1 off the background (WCAG 1.4.11)',
    (mode) => {
      const palette = histogramPalette(THEMES[mode], 3, true);
      const background = rgbOf(THEMES[mode].colors.background.primary);
      for (const colour of [palette.bar, ...palette.percentiles]) {
        expect(contrast(rgbOf(colour), background)).toBeGreaterThanOrEqual(3);
      }
    }
  );

  // The theme's green and red p50 and p99 are 8 apart for a deuteranope; 15 is a difference seen at a glance.
  it.each(Object.keys(DEFICIENCIES))('bars, +Inf and p50, p90, p99 stay apart with %s', (deficiency) => {
    for (const mode of ['dark', 'light'] as const) {
      const palette = histogramPalette(THEMES[mode], 3, true);
      const colours = [palette.bar, palette.overflow, ...palette.percentiles];
      colours.forEach((a, i) =>
        colours
          .slice(i + 1)
          .forEach((b) => expect(differenceSeenWith(DEFICIENCIES[deficiency], a, b)).toBeGreaterThan(15))
      );
    }
  });
});
