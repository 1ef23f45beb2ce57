import { computeHistograms } from '../model';
import { timeSeriesFrames } from '../../../test/support/histogram/frames';
import { colorRamp } from './heatmap';
import { renderHistogram } from './draw';

/**
 * A recording stand-in for CanvasRenderingContext2D: jsdom has none, and the drawing calls are what we check. Each
 * stroke() is also logged with the stroke style and line width it draws with.
 */
function recordingContext() {
  const calls: string[] = [];
  const strokes: string[] = [];
  // A canvas starts with lines 1 px wide.
  const state: Record<string, unknown> = { lineWidth: 1 };
  const ctx = new Proxy(
    {},
    {
      get: (_, name: string) => {
        if (name === 'measureText') {
          return (text: string) => ({ width: text.length * 6 });
        }
        if (name === 'createImageData') {
          return (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
        }
        if (name === 'stroke') {
          strokes.push(`${state.strokeStyle}@${state.lineWidth}`);
        }
        return (...args: unknown[]) => calls.push(`${name}(${args.length})`);
      },
      set: (_, name: string, value) => {
        state[name] = value;
        return true;
      },
    }
  );
  return { ctx: ctx as CanvasRenderingContext2D, calls, strokes };
}

const palette = {
  text: '#ccc',
  grid: '#333',
  bar: '#36f',
  overflow: '#f93',
  heat: colorRamp([
    [0, 0, 64],
    [50, 100, 255],
  ]),
  percentiles: ['g', 'y', 'r'],
  font: '12px sans',
};

describe('renderHistogram', () => {
  it('draws 10,000 steps × 20 buckets with one image for the heatmap and one for its legend', () => {
    const les = [...Array.from({ length: 19 }, (_, i) => String(2 ** i / 1000)), '+Inf'];
    const times = Array.from({ length: 10_000 }, (_, t) => t * 15_000);
    const cumulative = times.map((_, t) => les.map((__, b) => (b + 1) * (1 + (t % 7))));
    const [h] = computeHistograms(timeSeriesFrames({ les, times, cumulative }), {
      percentiles: [0.5, 0.9, 0.99],
      shareBounds: [0.1, 1],
    }).histograms;
    const { ctx, calls } = recordingContext();
    const { layout, heatMax } = renderHistogram(
      ctx,
      h,
      {
        width: 800,
        height: 400,
        scale: 'log',
        showHeatmap: true,
        pixelRatio: 1,
        formatBound: String,
        formatTime: String,
      },
      palette
    );
    expect(layout.heatmap).toBeDefined();
    expect(layout.legend).toBeDefined();
    // The cells and the legend's bar: one image each.
    expect(calls.filter((c) => c.startsWith('putImageData'))).toHaveLength(2);
    // Every bucket holds 1 + t % 7 at step t; 13 or 14 steps share each column, so the busiest mean is about 4.
    expect(heatMax).toBeGreaterThan(3.5);
    expect(heatMax).toBeLessThan(4.5);
  });

  it('cases the percentile lines over the heatmap only when the palette has a casing, every casing under every line', () => {
    const les = ['0.1', '1', '+Inf'];
    const times = [0, 15_000, 30_000, 45_000];
    const cumulative = times.map((_, t) => [t + 1, 2 * t + 3, 2 * t + 4]);
    const [h] = computeHistograms(timeSeriesFrames({ les, times, cumulative }), {
      percentiles: [0.5, 0.9, 0.99],
      shareBounds: [],
    }).histograms;
    const options = {
      width: 400,
      height: 400,
      scale: 'log',
      showHeatmap: true,
      pixelRatio: 1,
      formatBound: String,
      formatTime: String,
    } as const;
    const strokesWith = (lineCasing?: string) => {
      const { ctx, strokes } = recordingContext();
      renderHistogram(ctx, h, options, { ...palette, lineCasing });
      return strokes;
    };
    // The distribution's markers come first, one per percentile, uncased; the heatmap's lines are the last strokes.
    expect(strokesWith(undefined)).toEqual(['g@1', 'y@1', 'r@1', 'g@1.5', 'y@1.5', 'r@1.5']);
    expect(strokesWith('bg')).toEqual(['g@1', 'y@1', 'r@1', 'bg@3.5', 'bg@3.5', 'bg@3.5', 'g@1.5', 'y@1.5', 'r@1.5']);
  });
});
