/**
 * A stand-in 2D context for tests: records every method call and property write in order, as text, and counts calls
 * by name. What a renderer sends a real canvas is all the picture depends on, so two equal traces draw the same.
 */
export interface RecordingContext {
  ctx: CanvasRenderingContext2D;
  /** `name(arg,…)` per call, `name=value` per property write. */
  trace: string[];
  calls: Record<string, number>;
  fonts: string[];
}

// Numbers and dash arrays exactly; an image source (a canvas handed to drawImage) by its kind.
const text = (value: unknown) =>
  typeof value === 'string'
    ? value
    : typeof value === 'object' && !Array.isArray(value)
      ? String(value)
      : JSON.stringify(value);

export function recordingContext(): RecordingContext {
  const trace: string[] = [];
  const calls: Record<string, number> = {};
  const fonts: string[] = [];
  const properties: Record<string, unknown> = {};
  const ctx = new Proxy(properties, {
    get: (target, name: string) =>
      name in target
        ? target[name]
        : (...args: unknown[]) => {
            calls[name] = (calls[name] ?? 0) + 1;
            trace.push(`${name}(${args.map(text).join(',')})`);
          },
    set: (target, name: string, value) => {
      trace.push(`${name}=${text(value)}`);
      if (name === 'font') {
        fonts.push(value);
      }
      target[name] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, trace, calls, fonts };
}
