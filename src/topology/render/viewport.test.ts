import { fitViewport, MIN_ZOOM, toScreen, zoomAt } from './viewport';

describe('fitViewport', () => {
  it('shows the whole graph even when that needs less than the minimum zoom', () => {
    const bounds = { x0: 0, y0: 0, x1: 400_000, y1: 3_000 };
    const v = fitViewport(bounds, 1200, 800);
    expect(v.k).toBeLessThan(MIN_ZOOM);
    const left = toScreen(v, bounds.x0, bounds.y0);
    const right = toScreen(v, bounds.x1, bounds.y1);
    expect(left.x).toBeCloseTo(40);
    expect(right.x).toBeCloseTo(1160);
  });

  it('never magnifies a small graph beyond 1.5', () => {
    expect(fitViewport({ x0: 0, y0: 0, x1: 10, y1: 10 }, 1200, 800).k).toBe(1.5);
  });
});

describe('zoomAt', () => {
  it('stops zooming out at the minimum zoom', () => {
    expect(zoomAt({ x: 0, y: 0, k: MIN_ZOOM * 1.1 }, 0, 0, 0.5).k).toBe(MIN_ZOOM);
  });

  it('below the minimum (after a fit) does not zoom out further, but zooms in', () => {
    const fitted = { x: 0, y: 0, k: 0.003 };
    expect(zoomAt(fitted, 0, 0, 0.5).k).toBe(0.003);
    expect(zoomAt(fitted, 0, 0, 2).k).toBeCloseTo(0.006);
  });
});
