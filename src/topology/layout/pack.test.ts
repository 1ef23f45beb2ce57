import { packRows, Size } from './pack';

const GAP = 10;
const boxes = (count: number, size: Size = { width: 100, height: 60 }) => Array.from({ length: count }, () => size);
const overlap = (p: ReturnType<typeof packRows>, i: number, j: number) =>
  p.x[i] < p.x[j] + p.width[j] &&
  p.x[j] < p.x[i] + p.width[i] &&
  p.y[i] < p.y[j] + p.height[j] &&
  p.y[j] < p.y[i] + p.height[i];

describe('packRows', () => {
  it('packs nothing into nothing', () => {
    expect(packRows([], 1.5, GAP)).toEqual({ x: [], y: [], width: [], height: [], extent: { width: 0, height: 0 } });
  });

  it.each([
    [0.5, 5, 2],
    [1, 3, 3],
    [3, 2, 5],
  ])('shapes nine boxes for a %s-wide view: %i rows', (aspect, rows, perRow) => {
    const p = packRows(boxes(9), aspect, GAP);
    expect(new Set(p.y).size).toBe(rows);
    expect(p.y.filter((y) => y === 0)).toHaveLength(perRow);
  });

  it('keeps reading order, never overlaps, and stays inside its extent', () => {
    const sizes = [300, 40, 120, 200, 80, 160, 50].map((w, i) => ({ width: w, height: 40 + ((i * 37) % 90) }));
    const p = packRows(sizes, 1.6, GAP);
    for (let i = 0; i < sizes.length; i++) {
      expect(p.x[i]).toBeGreaterThanOrEqual(0);
      expect(p.x[i] + p.width[i]).toBeLessThanOrEqual(p.extent.width + 1e-9);
      expect(p.y[i] + p.height[i]).toBeLessThanOrEqual(p.extent.height + 1e-9);
      for (let j = i + 1; j < sizes.length; j++) {
        expect(overlap(p, i, j)).toBe(false);
        // j comes later: on a lower row, or further right on the same row.
        expect(p.y[j] > p.y[i] + p.height[i] - 1e-9 || (p.x[j] > p.x[i] && p.y[j] < p.y[i] + p.height[i])).toBe(true);
      }
    }
  });

  it('justifies rows to one width, widening boxes at most maxStretch times', () => {
    const p = packRows([...boxes(4), { width: 100, height: 60 }], 2, GAP, 1.5);
    const rows = new Map<number, number[]>();
    p.y.forEach((y, i) => rows.set(y, [...(rows.get(y) ?? []), i]));
    for (const row of rows.values()) {
      const last = row[row.length - 1];
      expect(p.x[last] + p.width[last]).toBeCloseTo(row.length > 1 ? p.extent.width : p.x[last] + p.width[last]);
      row.forEach((i) => expect(p.width[i]).toBeLessThanOrEqual(150));
    }
    expect(rows.size).toBeGreaterThan(1);
  });

  it('grows a short box to its row height, within maxStretch, and centres what remains', () => {
    const p = packRows(
      [
        { width: 100, height: 200 },
        { width: 100, height: 50 },
      ],
      4,
      GAP,
      2
    );
    expect(p.y[0]).toBe(0);
    expect(p.height[1]).toBe(100);
    expect(p.y[1]).toBe(50);
  });
});
