import { arrangeSlots } from './arrange';
import { Packing } from './pack';

/** `count` unit boxes in one row, one unit apart (centres at 0.5, 2.5, 4.5, …). */
const row = (count: number): Packing => ({
  x: Array.from({ length: count }, (_, i) => 2 * i),
  y: new Array<number>(count).fill(0),
  width: new Array<number>(count).fill(1),
  height: new Array<number>(count).fill(1),
  extent: { width: 2 * count - 1, height: 1 },
});
const unit = (count: number) => Array.from({ length: count }, () => ({ width: 1, height: 1 }));
const weights = (pairs: Array<[number, number, number]>) => (a: number, b: number) =>
  pairs.reduce((sum, [s, t, w]) => sum + ((s === a && t === b) || (s === b && t === a) ? w : 0), 0);
/** Sum of weight × squared distance between slot centres, the figure the arrangement lowers. */
const cost = (slot: number[], packing: Packing, weight: (a: number, b: number) => number) => {
  let sum = 0;
  slot.forEach((s, a) =>
    slot.forEach((t, b) => {
      if (a < b) {
        sum += weight(a, b) * ((packing.x[s] - packing.x[t]) ** 2 + (packing.y[s] - packing.y[t]) ** 2);
      }
    })
  );
  return sum;
};
const permutations = (list: number[]): number[][] =>
  list.length <= 1
    ? [list]
    : list.flatMap((v, i) => permutations(list.filter((_, j) => j !== i)).map((p) => [v, ...p]));

describe('arrangeSlots', () => {
  it('puts a chain of groups given out of order into chain order, the optimum', () => {
    // Boxes 0-1-2-3 joined in a chain, first put as 0, 2, 1, 3: the 0–1 and 2–3 edges span two slots.
    const chain = weights([
      [0, 1, 5],
      [1, 2, 5],
      [2, 3, 5],
    ]);
    const packing = row(4);
    const given = [0, 2, 1, 3];
    const slot = arrangeSlots(unit(4), packing, (a, b) => chain(given[a], given[b]));
    const best = Math.min(...permutations([0, 1, 2, 3]).map((p) => cost(p, packing, chain)));
    expect(best).toBe(3 * 5 * 4);
    const slotOfBox = [0, 1, 2, 3].map((box) => slot[given.indexOf(box)]);
    expect(cost(slotOfBox, packing, chain)).toBe(best);
    expect(cost([0, 2, 1, 3], packing, chain)).toBe(3 * best);
  });

  it('keeps the packing order without edges, and for the same input gives the same slots', () => {
    expect(arrangeSlots(unit(5), row(5), () => 0)).toEqual([0, 1, 2, 3, 4]);
    const w = weights([
      [0, 4, 3],
      [1, 3, 1],
    ]);
    expect(arrangeSlots(unit(5), row(5), w)).toEqual(arrangeSlots(unit(5), row(5), w));
  });

  it('does not move a box into a slot it would have to be stretched or squeezed out of shape for', () => {
    // Box 2 is twice as wide as its neighbours' slots: it stays, though it is joined only to box 0.
    const packing: Packing = {
      x: [0, 2, 4],
      y: [0, 0, 0],
      width: [1, 1, 2],
      height: [1, 1, 1],
      extent: { width: 6, height: 1 },
    };
    const boxes = [
      { width: 1, height: 1 },
      { width: 1, height: 1 },
      { width: 2, height: 1 },
    ];
    expect(arrangeSlots(boxes, packing, weights([[0, 2, 10]]))).toEqual([1, 0, 2]);
  });
});
