import { NodeKind, SpecialKind } from '../model/types';
import { OUTLINES, SHAPE_LEGEND, shapeOf } from './shapes';

/** Shoelace area of a closed outline. */
const area = (points: Array<[number, number]>) =>
  Math.abs(
    points.reduce(
      (sum, [x, y], i) => sum + x * points[(i + 1) % points.length][1] - points[(i + 1) % points.length][0] * y,
      0
    )
  ) / 2;

describe('node shapes', () => {
  it('gives each kind of the legend its own shape', () => {
    const kinds: Array<[string, { kind: NodeKind; special?: SpecialKind }]> = [
      ['workload', { kind: 'workload' }],
      ['app', { kind: 'versionedApp' }],
      ['service', { kind: 'service' }],
      ['gateway', { kind: 'workload', special: 'ingress' }],
      ['waypoint', { kind: 'workload', special: 'waypoint' }],
      ['external', { kind: 'service', special: 'external' }],
      ['unknown', { kind: 'service', special: 'unknown' }],
      ['namespace', { kind: 'namespace' }],
    ];
    expect(kinds.map(([name, node]) => [shapeOf(node), name])).toEqual(SHAPE_LEGEND);
    expect(new Set(SHAPE_LEGEND.map(([shape]) => shape)).size).toBe(SHAPE_LEGEND.length);
    expect(shapeOf({ kind: 'workload', special: 'egress' })).toBe('hexagon');
    expect(shapeOf({ kind: 'service', special: 'blackhole' })).toBe('trapezoid');
  });

  it.each(Object.entries(OUTLINES))('draws %s about as large as the unit circle', (_, outline) => {
    expect(area(outline) / Math.PI).toBeGreaterThan(0.8);
    expect(area(outline) / Math.PI).toBeLessThan(1.25);
  });
});
