// Steady traffic with noise, as a closed-form integral so counters are a pure function of time:
// rate(t) = r × (1 + Σ aₖ sin(2πt/Pₖ + φₖ)). The amplitudes are small enough that any rate window of
// 20 s or more averages within ~3 % of r, which is what ground-truth comparisons rely on.
import { hash32 } from '../util/random';

const COMPONENTS = [
  { amplitude: 0.05, period: 7 },
  { amplitude: 0.04, period: 23 },
  { amplitude: 0.015, period: 300 },
];

export type Integral = (tSeconds: number) => number;

/** ∫ (1 + noise) dt, phase-shifted per key so edges do not wiggle in lockstep. */
export function noiseIntegral(key: string, seed: number): Integral {
  const phases = COMPONENTS.map((_, i) => ((hash32(`${key}#${i}`, seed) % 10000) / 10000) * 2 * Math.PI);
  return (t) => {
    let v = t;
    COMPONENTS.forEach((c, i) => {
      v -= ((c.amplitude * c.period) / (2 * Math.PI)) * Math.cos((2 * Math.PI * t) / c.period + phases[i]);
    });
    return v;
  };
}
