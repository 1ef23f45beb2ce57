import { boundLabel, parseBound } from './bounds';

describe('parseBound', () => {
  it.each([
    ['0.1', 0.1],
    ['1e+06', 1e6],
    ['1800000', 1800000],
    ['+Inf', Infinity],
    ['Inf', Infinity],
    ['infinity', Infinity],
    ['-Inf', -Infinity],
    [' 30 ', 30],
    ['-0.5', -0.5],
    ['.5', 0.5],
  ])('reads %p as %p', (text, bound) => expect(parseBound(text)).toBe(bound));

  it.each(['', 'abc', 'NaN', '1,5', '0x10', '1e'])('rejects %p', (text) => expect(parseBound(text)).toBeNaN());
});

describe('boundLabel', () => {
  it('prints bounds as le labels', () => {
    expect([0.1, 30, Infinity].map(boundLabel)).toEqual(['0.1', '30', '+Inf']);
  });
});
