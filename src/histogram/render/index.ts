/** Drawing of the Histogram view, pure apart from the canvas context it is handed; the benchmark times renderHistogram. */

export { renderHistogram, percentileName } from './draw';
export type { Palette, RenderOptions } from './draw';
export { colorRamp, heatScale } from './heatmap';
export type { Rgb } from './heatmap';
export { chartLayout, contains } from './layout';
export type { ChartLayout, LegendLayout } from './layout';
export { bucketAtPixel } from './axis';
