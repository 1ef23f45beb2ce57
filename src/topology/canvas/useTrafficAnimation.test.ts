import { renderHook } from '@testing-library/react';
import { useTrafficAnimation } from './useTrafficAnimation';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('useTrafficAnimation', () => {
  it('runs at most 30 frames a second with a phase in 0–15 while enabled, and stops when switched off', () => {
    const frame = jest.fn();
    const { rerender, unmount } = renderHook(({ on }) => useTrafficAnimation(on, frame), {
      initialProps: { on: true },
    });
    jest.advanceTimersByTime(1000);
    const phases = frame.mock.calls.map(([p]) => p);
    // Every second frame at 60 Hz; jest's fake frames come every 16 ms, which makes every third one here.
    expect(phases.length).toBeGreaterThanOrEqual(15);
    expect(phases.length).toBeLessThanOrEqual(31);
    expect(phases.every((p) => Number.isInteger(p) && p >= 0 && p < 16)).toBe(true);
    expect(new Set(phases).size).toBeGreaterThan(8);

    frame.mockClear();
    rerender({ on: false });
    expect(frame.mock.calls).toEqual([[undefined]]);
    jest.advanceTimersByTime(1000);
    expect(frame).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('never ticks when disabled', () => {
    const frame = jest.fn();
    renderHook(() => useTrafficAnimation(false, frame));
    jest.advanceTimersByTime(1000);
    expect(frame.mock.calls).toEqual([[undefined]]);
  });
});
