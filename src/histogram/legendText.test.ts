import { heatLegendText } from './legendText';
import { heatScale } from './render';
import { rampLevels } from './render/heatmap';

describe('heatLegendText', () => {
  it('labels the bar’s ends and middle with the values the cells of those colours hold', () => {
    const legend = heatLegendText(4.8, false, 200);
    expect(legend.ticks).toEqual([
      { fraction: 0, value: 0, text: '0' },
      { fraction: 0.5, value: 1.2, text: '1.20' },
      { fraction: 1, value: 4.8, text: '4.80' },
    ]);
    // Under each tick the bar shows that value's level, give or take the one level a 200-pixel ramp of 255 skips.
    const bar = rampLevels(200);
    for (const tick of legend.ticks) {
      expect(
        Math.abs(bar[Math.round(tick.fraction * 199)] - Math.max(1, heatScale.level(tick.value, 4.8)))
      ).toBeLessThanOrEqual(1);
    }
  });

  it('keeps only the ends on a short bar', () => {
    expect(heatLegendText(735, true, 96).ticks.map((t) => t.text)).toEqual(['0', '735']);
  });

  it('names the cells’ quantity as the tooltip does, and the scale the colours are levelled on', () => {
    expect(heatLegendText(2, false, 200).caption).toBe('count (or rate) per step, √ scale');
    expect(heatLegendText(2, true, 200).caption).toBe('count per step, √ scale');
    expect(heatLegendText(0.735, false, 200).description).toBe(
      'Cell colour: the count (or rate) of one bucket at one step (steps sharing a pixel column are averaged), ' +
        'on a square-root scale from 0 to 0.735, the busiest cell. Blank: none.'
    );
  });
});
