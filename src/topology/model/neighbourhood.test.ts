import { neighbourhood } from './neighbourhood';

// 0 → 1 → 2 → 3, 4 → 1 (a second caller), 5 alone, 2 → 2 (a self-loop).
const from = [0, 1, 2, 4, 2];
const to = [1, 2, 3, 1, 2];
const members = (start: number, hops: number) =>
  Array.from(neighbourhood(6, from, to, start, hops).entries())
    .filter(([, m]) => m === 1)
    .map(([i]) => i);

describe('neighbourhood', () => {
  it('follows edges both ways, one hop per step', () => {
    expect(members(1, 0)).toEqual([1]);
    expect(members(1, 1)).toEqual([0, 1, 2, 4]);
    expect(members(1, 2)).toEqual([0, 1, 2, 3, 4]);
    // From a callee, the callers' callers.
    expect(members(3, 1)).toEqual([2, 3]);
    expect(members(3, 2)).toEqual([1, 2, 3]);
    expect(members(3, 3)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops when nothing new is reached, and has only the node itself when it has no edges', () => {
    expect(members(0, 50)).toEqual([0, 1, 2, 3, 4]);
    expect(members(5, 3)).toEqual([5]);
  });

  it('is empty for a node that is not there', () => {
    expect(members(-1, 1)).toEqual([]);
    expect(members(6, 1)).toEqual([]);
  });
});
