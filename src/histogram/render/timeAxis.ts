/**
 * Time ticks under the heatmap: a round interval (1 min, 5 min, 1 h …) chosen so labels stay apart, placed on
 * multiples of it so they read as clock times rather than as offsets from an arbitrary first step.
 */

const MINUTE = 60_000;
const INTERVALS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE);
const SECOND_INTERVALS = [1, 2, 5, 10, 15, 30].map((s) => s * 1000);

export interface TimeTick {
  time: number;
  /** Pixel from the start of the axis. */
  x: number;
}

/**
 * Ticks over [from, to] drawn across `width` pixels, at least `minSpacing` pixels apart. Labels are centred on their
 * tick, so a tick within half a label of either end is left out: moving its label inwards instead would put it on
 * the wrong time and over its neighbour.
 */
export function timeTicks(from: number, to: number, width: number, minSpacing: number): TimeTick[] {
  const span = to - from;
  if (!(span > 0) || width <= 0) {
    return [];
  }
  const wanted = (span * minSpacing) / width;
  const interval = [...SECOND_INTERVALS, ...INTERVALS].find((i) => i >= wanted) ?? INTERVALS[INTERVALS.length - 1];
  // Multiples of the interval since the epoch: round clock times in UTC and in every whole-hour time zone.
  const ticks: TimeTick[] = [];
  for (let time = Math.ceil(from / interval) * interval; time <= to; time += interval) {
    const x = ((time - from) / span) * width;
    if (x >= minSpacing / 2 && x <= width - minSpacing / 2) {
      ticks.push({ time, x });
    }
  }
  return ticks;
}
