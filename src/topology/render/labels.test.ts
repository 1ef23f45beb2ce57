import { mulberry32 } from '../../mulberry32';
import { LABEL_PADDING, LabelCandidate, PlacedLabel, placeLabels } from './labels';

const node = (index: number, x: number, y: number, width = 40, height = 12): LabelCandidate => ({
  index,
  text: `n${index}`,
  x,
  y,
  gap: 5,
  width,
  height,
  placement: 'around',
});

const meets = (a: PlacedLabel, b: PlacedLabel, pad = 0) =>
  a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;

describe('placeLabels', () => {
  it('puts a node label below its node, centred, clear of the disc', () => {
    expect(placeLabels([node(0, 100, 100)], [], 400, 300)).toEqual([
      { index: 0, text: 'n0', x: 80, y: 107, width: 40, height: 12, placement: 'around' },
    ]);
  });

  it('moves a lower-priority label to its next free position, and drops it when none is free', () => {
    // Two nodes 10 px apart: the first's label lies where the second's would go below, so that one goes above.
    const placed = placeLabels([node(0, 100, 100), node(1, 100, 110)], [], 400, 300);
    expect(placed.map((l) => [l.index, l.y])).toEqual([
      [0, 107],
      [1, 91],
    ]);
    // The same node of radius 10 five times: below, above, right, left, then nothing.
    const same = placeLabels(
      [0, 1, 2, 3, 4].map((i) => ({ ...node(i, 200, 150), gap: 10 })),
      [],
      400,
      300
    );
    expect(same.map((l) => [l.index, l.x, l.y])).toEqual([
      [0, 180, 162],
      [1, 180, 126],
      [2, 213, 144],
      [3, 147, 144],
    ]);
  });

  it('keeps clear of obstacles and inside the canvas', () => {
    const blocked = placeLabels([node(0, 100, 100)], [{ x: 60, y: 105, width: 80, height: 20 }], 400, 300);
    expect(blocked.map((l) => [l.x, l.y])).toEqual([[80, 81]]);
    // At the left edge only the right side fits; in the corner nothing does.
    expect(placeLabels([node(0, 5, 50)], [], 400, 300).map((l) => [l.x, l.y])).toEqual([[13, 44]]);
    expect(placeLabels([node(0, 5, 5)], [], 400, 300)).toEqual([]);
  });

  it('gives a group label one place only, above the corner of its box', () => {
    const corner = { ...node(0, 50, 50), placement: 'corner' as const, gap: 0 };
    expect(placeLabels([corner], [], 400, 300).map((l) => [l.x, l.y])).toEqual([[50, 36]]);
    expect(placeLabels([corner], [{ x: 40, y: 30, width: 30, height: 10 }], 400, 300)).toEqual([]);
  });

  it('never lets two of thousands of labels overlap, nor leave the canvas, and places the first always', () => {
    const random = mulberry32(7);
    const candidates = Array.from({ length: 5000 }, (_, i) =>
      i === 0 ? node(0, 700, 400) : node(i, random() * 1400, random() * 850, 20 + random() * 80, 9 + random() * 6)
    );
    const placed = placeLabels(candidates, [], 1400, 850);
    expect(placed.length).toBeGreaterThan(300);
    expect(placed.length).toBeLessThan(5000);
    expect(placed.every((l) => l.x >= 0 && l.y >= 0 && l.x + l.width <= 1400 && l.y + l.height <= 850)).toBe(true);
    const overlapping = placed.filter((a, i) => placed.slice(i + 1).some((b) => meets(a, b, LABEL_PADDING - 0.001)));
    expect(overlapping).toEqual([]);
    expect(placed[0]).toMatchObject({ index: 0, x: 680, y: 407 });
  });
});
