/**
 * The published colour-blind-safe schemes both views' colour-blind palettes draw from, kept here so the views agree
 * on what "blue" or "orange" is in that mode.
 */

/**
 * Okabe and Ito's eight colours, chosen to stay apart under protanopia, deuteranopia and tritanopia: M. Okabe and
 * K. Ito, "Color Universal Design (CUD): how to make figures and presentations that are friendly to colorblind
 * people" (2008), https://jfly.uni-koeln.de/color/, as recommended by B. Wong, "Points of view: Color blindness",
 * Nature Methods 8, 441 (2011).
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Cividis from dark blue to yellow, a sequential scale that reads the same with deuteranopia as with normal vision
 * and whose lightness rises evenly: J. R. Nuñez, C. R. Anderton and R. S. Renslow, "Optimizing colormaps with
 * consideration for color vision deficiency to enable accurate interpretation of scientific data", PLOS ONE 13(7):
 * e0199239 (2018), https://doi.org/10.1371/journal.pone.0199239. Entries 0, 32, 64, 96, 128, 159, 191, 223 and 255
 * of its 256-entry table (matplotlib's _cividis_data) in 8-bit sRGB, for a ramp to interpolate between.
 */
export const CIVIDIS: Array<[number, number, number]> = [
  [0, 34, 78],
  [26, 56, 111],
  [67, 78, 108],
  [97, 101, 111],
  [125, 124, 120],
  [154, 147, 118],
  [187, 173, 109],
  [221, 200, 88],
  [254, 232, 56],
];
