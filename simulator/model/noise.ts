// Steady traffic with noise, as a closed-form integral so counters are a pure function of time:
// rate(t) = r × (1 + Σ aₖ sin(2πt/Pₖ + φₖ)). The amplitudes are small enough that any rate window of
// 30 s or more averages within ~1.6 % of r, which is what ground-truth comparisons rely on.
import { hash32 } from '../util/random';

const COMPONENTS = [
  { amplitude: 0.04, period: 5 },
  { amplitude: 0.03, period: 13 },
  { amplitude: 0.01, period: 120 },
];

export type Integral = (tSeconds: number) => number;

/** ∫ (1 + noise) dt, phase-shifted per key so edges do not wiggle in lockstep. */
export function noiseIntegral(key: string, seed: number): Integral {
  const phases = COMPONENTS.map((_, i) => ((hash32(`${key}#${i}`, seed) % 10000) / 10000) * 2 * Math.PI);
  return (t) => {
    let v = t;
    for (let i = 0; i < COMPONENTS.length; i++) {
      const c = COMPONENTS[i];
      v -= ((c.amplitude * c.period) / (2 * Math.PI)) * Math.cos((2 * Math.PI * t) / c.period + phases[i]);
    }
    return v;
  };
}
