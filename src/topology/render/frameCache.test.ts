import { area, cacheTransform, exposedRects } from './frameCache';
import { toScreen, zoomAt } from './viewport';

describe('cacheTransform', () => {
  it('maps where a world point was drawn to where it is drawn now', () => {
    const from = { x: 30, y: -20, k: 0.5 };
    const to = zoomAt({ ...from, x: 47, y: -5 }, 300, 200, 1.3);
    const t = cacheTransform(from, to);
    for (const [wx, wy] of [
      [0, 0],
      [1000, -250],
      [-77, 3],
    ]) {
      const before = toScreen(from, wx, wy);
      const after = toScreen(to, wx, wy);
      expect(before.x * t.scale + t.dx).toBeCloseTo(after.x, 9);
      expect(before.y * t.scale + t.dy).toBeCloseTo(after.y, 9);
    }
  });
});

describe('exposedRects', () => {
  it('leaves nothing to draw when the picture has not moved', () => {
    expect(exposedRects({ scale: 1, dx: 0, dy: 0 }, 800, 600)).toEqual([]);
  });

  it('uncovers the bands a pan leaves behind, whole pixels, without overlap', () => {
    const rects = exposedRects({ scale: 1, dx: 7.4, dy: -3 }, 800, 600);
    expect(rects).toEqual([
      { x: 0, y: 597, width: 800, height: 3 },
      { x: 0, y: 0, width: 8, height: 597 },
    ]);
  });

  it('uncovers a frame all around when zooming out, and nothing when zooming in', () => {
    const out = exposedRects({ scale: 0.5, dx: 200, dy: 150 }, 800, 600);
    expect(out).toHaveLength(4);
    expect(area(out)).toBe(800 * 600 - 400 * 300);
    expect(exposedRects({ scale: 2, dx: -400, dy: -300 }, 800, 600)).toEqual([]);
  });

  it('redraws everything when the picture has left the canvas', () => {
    expect(exposedRects({ scale: 1, dx: 900, dy: 0 }, 800, 600)).toEqual([{ x: 0, y: 0, width: 800, height: 600 }]);
  });
});
