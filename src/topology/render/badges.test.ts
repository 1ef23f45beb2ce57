import { recordingContext } from '../../../test/support/recordingContext';
import { Badge, badgesOf, BADGE_LEGEND, drawBadge } from './badges';

describe('badges', () => {
  it('tells full, partial and no mTLS apart, and flags requests that never arrived', () => {
    expect(badgesOf({ mtlsShare: 1 })).toEqual(['mtls']);
    expect(badgesOf({ mtlsShare: 0.9995 })).toEqual(['mtls']);
    expect(badgesOf({ mtlsShare: 0.5 })).toEqual(['mtlsPartial']);
    expect(badgesOf({ mtlsShare: 0.0005 })).toEqual(['plaintext']);
    expect(badgesOf({ mtlsShare: 0 })).toEqual(['plaintext']);
    expect(badgesOf({})).toEqual([]);
    expect(badgesOf({ unreachedShare: 0 })).toEqual([]);
    expect(badgesOf({ mtlsShare: 1, unreachedShare: 0.2 })).toEqual(['unreached', 'mtls']);
  });

  it('marks the ingress and egress gateways, and no other special node', () => {
    expect(badgesOf({ special: 'ingress', mtlsShare: 0 })).toEqual(['ingress', 'plaintext']);
    expect(badgesOf({ special: 'egress' })).toEqual(['egress']);
    for (const special of ['waypoint', 'unknown', 'external', 'passthrough', 'blackhole'] as const) {
      expect(badgesOf({ special })).toEqual([]);
    }
  });

  it('draws each badge of the legend as its own glyph, inside its square', () => {
    const glyphs = new Map<string, Badge>();
    for (const [badge] of BADGE_LEGEND) {
      const { ctx, trace } = recordingContext();
      drawBadge(ctx, badge, 10, 20, 10);
      const points = trace.flatMap((t) => {
        const m = /^(?:moveTo|lineTo|rect)\(([-\d.e]+),([-\d.e]+)/.exec(t);
        return m ? [[Number(m[1]), Number(m[2])]] : [];
      });
      expect(points.length).toBeGreaterThan(0);
      expect(points.every(([x, y]) => x >= 10 && x <= 20 && y >= 20 && y <= 30)).toBe(true);
      glyphs.set(trace.join('\n'), badge);
    }
    expect(glyphs.size).toBe(BADGE_LEGEND.length);
  });
});
