/**
 * What the heatmap's colour legend says: tick values read off heatScale, the mapping the cells are painted with, for
 * the busiest cell's value, in the cells' own quantity and number format (the tooltip's), as plain text.
 */

import { cellQuantity, countText } from './format';
import { heatScale } from './render';

export interface LegendTick {
  /** How far along the bar, 0..1. */
  fraction: number;
  value: number;
  text: string;
}

export interface HeatLegendText {
  caption: string;
  /** The whole statement, shown on hover: the caption is cut short on narrow panels. */
  description: string;
  ticks: LegendTick[];
}

/** A middle tick needs a third of the bar for each label, and countText's labels run up to about 50 px. */
const MID_TICK_MIN_BAR = 160;

export function heatLegendText(max: number, counters: boolean, barWidth: number): HeatLegendText {
  const quantity = cellQuantity(counters);
  const fractions = barWidth >= MID_TICK_MIN_BAR ? [0, 0.5, 1] : [0, 1];
  return {
    caption: `${quantity} per step, ${heatScale.name}`,
    description:
      `Cell colour: the ${quantity} of one bucket at one step (steps sharing a pixel column are averaged), ` +
      `on a ${heatScale.description} from 0 to ${countText(max)}, the busiest cell. Blank: none.`,
    ticks: fractions.map((fraction) => {
      const value = heatScale.valueAt(fraction, max);
      return { fraction, value, text: countText(value) };
    }),
  };
}
