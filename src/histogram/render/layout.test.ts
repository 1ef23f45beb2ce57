import { chartLayout, Rect, TICK_SPACE } from './layout';

const bounds = Float64Array.from([0.1, 1, 10, Infinity]);
const bottom = (r: Rect) => r.y + r.height;

describe('chartLayout: the heatmap colour legend', () => {
  it('puts the legend under the heatmap’s time labels, its bar right-aligned with the heatmap', () => {
    const { heatmap, legend } = chartLayout(bounds, 'log', 800, 400, true);
    expect(heatmap).toBeDefined();
    expect(legend).toBeDefined();
    expect(legend!.strip.y).toBeGreaterThanOrEqual(bottom(heatmap!) + TICK_SPACE);
    expect(bottom(legend!.strip)).toBeLessThanOrEqual(400);
    expect(legend!.bar.x + legend!.bar.width).toBe(heatmap!.x + heatmap!.width);
    expect(legend!.bar.width).toBe(240);
  });

  it('never overlaps the plots nor leaves the canvas, at any size it is shown at', () => {
    for (let width = 60; width <= 1200; width += 37) {
      for (let height = 100; height <= 700; height += 23) {
        const { distribution, heatmap, legend } = chartLayout(bounds, 'linear', width, height, true);
        if (!legend) {
          continue;
        }
        const { strip, bar } = legend;
        expect(strip.y).toBeGreaterThanOrEqual(bottom(heatmap!) + TICK_SPACE);
        expect(heatmap!.y).toBeGreaterThan(bottom(distribution));
        expect(heatmap!.height).toBeGreaterThanOrEqual(60);
        expect(bottom(strip)).toBeLessThanOrEqual(height);
        expect(bar.x).toBeGreaterThanOrEqual(heatmap!.x);
        expect(bottom(bar)).toBeLessThan(bottom(strip));
      }
    }
  });

  it('is left out, keeping the heatmap, when the canvas is too narrow or too low for both', () => {
    const narrow = chartLayout(bounds, 'log', 120, 400, true);
    expect(narrow.heatmap).toBeDefined();
    expect(narrow.legend).toBeUndefined();
    const low = chartLayout(bounds, 'log', 800, 160, true);
    expect(low.heatmap).toBeDefined();
    expect(low.legend).toBeUndefined();
    expect(bottom(low.heatmap!)).toBe(160 - TICK_SPACE);
  });

  it('is left out with the heatmap', () => {
    expect(chartLayout(bounds, 'log', 800, 400, false).legend).toBeUndefined();
    expect(chartLayout(bounds, 'log', 800, 120, true).legend).toBeUndefined();
  });
});
