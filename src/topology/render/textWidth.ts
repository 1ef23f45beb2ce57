/**
 * Label widths without a measureText per label and frame: each character is measured once per font family, and a
 * text's width is the sum over its characters. Canvas text is laid out without ligatures for these fonts, so the
 * sum differs from measureText by kerning only, well under the padding kept between labels. Measured on an
 * OffscreenCanvas of its own, so what the scene's canvas is sent does not depend on which characters were seen before.
 */
const REFERENCE_PX = 100;
const families = new Map<string, Map<string, number>>();

/** A guess where nothing can measure (jsdom has no OffscreenCanvas): an average glyph of a sans font. */
const FALLBACK_EM = 0.6;

let measurer: OffscreenCanvasRenderingContext2D | null | undefined;
function measuring(): OffscreenCanvasRenderingContext2D | null {
  if (measurer === undefined) {
    measurer = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  }
  return measurer;
}

/** Width of `text` in a font of 1 px of `family`; scale by the font size. */
export function textWidth(family: string, text: string): number {
  let widths = families.get(family);
  if (!widths) {
    widths = new Map();
    families.set(family, widths);
  }
  let total = 0;
  let ctx: OffscreenCanvasRenderingContext2D | null | undefined;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) {
      if (ctx === undefined) {
        ctx = measuring();
        if (ctx) {
          ctx.font = `${REFERENCE_PX}px ${family}`;
        }
      }
      const measured = ctx?.measureText(ch).width;
      w = measured !== undefined && Number.isFinite(measured) ? measured / REFERENCE_PX : FALLBACK_EM;
      widths.set(ch, w);
    }
    total += w;
  }
  return total;
}
