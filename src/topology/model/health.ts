import { TopologyOptions } from '../../options';
import { Health } from './types';

export interface HealthInput {
  /** Requests/s, or bytes/s for TCP. */
  traffic: number;
  errorShare?: number;
  clientErrorShare?: number;
  p95?: number;
}

export type Thresholds = Pick<TopologyOptions, 'errorDegraded' | 'errorFailure' | 'count4xx' | 'latencyDegradedMs'>;

/** Kiali's rule with the panel's thresholds: failing at or above errorFailure, degraded from any share ≥ errorDegraded. */
export function healthOf(input: HealthInput, t: Thresholds): Health {
  if (!(input.traffic > 0)) {
    return 'idle';
  }
  if (input.errorShare === undefined) {
    return 'none';
  }
  const share = input.errorShare + (t.count4xx ? (input.clientErrorShare ?? 0) : 0);
  if (share >= t.errorFailure) {
    return 'failure';
  }
  if (share > 0 && share >= t.errorDegraded) {
    return 'degraded';
  }
  if (t.latencyDegradedMs > 0 && input.p95 !== undefined && input.p95 >= t.latencyDegradedMs) {
    return 'degraded';
  }
  return 'healthy';
}

/**
 * Worst first, 0 the worst: what the worst-edges list ranks by and what the canvas draws on top. TCP edges and edges
 * without error data ('none') come after healthy ones: nothing says they are well.
 */
export const SEVERITY: Record<Health, number> = { failure: 0, degraded: 1, healthy: 2, none: 3, idle: 4 };
