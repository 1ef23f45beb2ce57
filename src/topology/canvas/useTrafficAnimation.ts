import { useEffect } from 'react';

/** 30 frames a second is smooth enough for moving dashes and halves the cost. */
const FRAME_MS = 33;

/**
 * While `enabled`, calls `frame(phase)` about 30 times a second with the dash phase (0–15 world units, one step per
 * 40 ms); `frame(undefined)` once it is switched off.
 */
export function useTrafficAnimation(enabled: boolean, frame: (phase: number | undefined) => void): void {
  useEffect(() => {
    if (!enabled) {
      frame(undefined);
      return;
    }
    let last = 0;
    let handle = 0;
    const tick = (t: number) => {
      if (t - last > FRAME_MS) {
        last = t;
        frame(((t / 40) % 16) | 0);
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [enabled, frame]);
}
