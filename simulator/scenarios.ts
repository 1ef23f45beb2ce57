// Scenarios switchable at run time (HTTP: /scenarios; library: setScenario/clearScenario).
// Each one is a pure change of behaviour applied on top of the topology's baseline, so switching
// scenarios off restores exactly the baseline and several can run at once.
import { type EdgeBehaviour, EdgeRuntime } from './model/edge';
import type { Mesh, Workload } from './model/mesh';
import { NORMAL_CONVERGENCE, SLOW_CONVERGENCE } from './targets/istiod';
import { logNormal } from './util/distribution';

export const SCENARIO_NAMES = [
  'error-spike',
  'latency-regression',
  'mtls-disabled',
  'slow-convergence',
  'xds-rejects',
  'scale-to-zero',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioRequest {
  name: ScenarioName;
  /** Edge id as listed in /truth ("ns/src->ns/dst") or its index: error-spike, latency-regression, mtls-disabled. */
  edge?: string;
  /** Workload "ns/name": scale-to-zero, xds-rejects. */
  workload?: string;
  /** error-spike: the error share to apply (default 0.5). */
  errorRate?: number;
  /** latency-regression: multiplier for p50 and p90 (default 10). */
  factor?: number;
}

export interface ActiveScenario extends ScenarioRequest {
  id: number;
  since: number;
}

export class ScenarioError extends Error {}

const NEEDS_EDGE: ScenarioName[] = ['error-spike', 'latency-regression', 'mtls-disabled'];
const NEEDS_WORKLOAD: ScenarioName[] = ['scale-to-zero', 'xds-rejects'];

export class Scenarios {
  private active: ActiveScenario[] = [];
  private nextId = 1;

  constructor(private readonly mesh: Mesh) {}

  list(): ActiveScenario[] {
    return [...this.active];
  }

  /** Validates, then applies at `now`; returns the scenario with its id. */
  start(req: ScenarioRequest, now: number): ActiveScenario {
    if (!SCENARIO_NAMES.includes(req.name)) {
      throw new ScenarioError(`name: must be one of ${SCENARIO_NAMES.join(', ')}`);
    }
    if (NEEDS_EDGE.includes(req.name) && !(req.edge !== undefined && this.mesh.findEdge(req.edge))) {
      throw new ScenarioError(`edge: ${req.name} needs an edge id from /truth (got ${JSON.stringify(req.edge)})`);
    }
    if (NEEDS_WORKLOAD.includes(req.name) && !(req.workload !== undefined && this.mesh.findWorkload(req.workload))) {
      throw new ScenarioError(
        `workload: ${req.name} needs a workload "namespace/name" (got ${JSON.stringify(req.workload)})`
      );
    }
    const s: ActiveScenario = { ...req, id: this.nextId++, since: now };
    this.active.push(s);
    this.apply(now);
    return s;
  }

  stop(id: number, now: number): boolean {
    const before = this.active.length;
    this.active = this.active.filter((s) => s.id !== id);
    this.apply(now);
    return this.active.length < before;
  }

  clear(now: number): void {
    this.active = [];
    this.apply(now);
  }

  private apply(now: number): void {
    const mesh = this.mesh;
    const down = new Set<Workload>(
      this.active
        .filter((s) => s.name === 'scale-to-zero')
        .map((s) => mesh.findWorkload(s.workload as string) as Workload)
    );
    for (const w of mesh.workloads) {
      w.up = !down.has(w);
    }
    for (const edge of mesh.edges) {
      edge.setBehaviour(this.behaviour(edge, down), now);
    }
    const slow = this.active.some((s) => s.name === 'slow-convergence');
    const rejecting = new Set(
      this.active
        .filter((s) => s.name === 'xds-rejects')
        .map((s) => mesh.findWorkload(s.workload as string) as Workload)
    );
    for (const [cluster, istiod] of mesh.istiods) {
      istiod.setConvergence(slow ? SLOW_CONVERGENCE : NORMAL_CONVERGENCE, now);
      const pods = [...rejecting].filter((w) => w.identity.cluster === cluster).flatMap((w) => w.proxies);
      istiod.setRejecting(
        pods.map((p) => `sidecar~10.0.0.1~${p.pod.name}.${p.pod.namespace}~${p.pod.namespace}.svc.cluster.local`),
        now
      );
    }
    for (const w of mesh.workloads) {
      for (const p of w.proxies) {
        // istiod retries a rejected push every ~2 s.
        p.setRejecting(rejecting.has(w) ? 0.5 : 0, now);
      }
    }
  }

  private behaviour(edge: EdgeRuntime, down: Set<Workload>): EdgeBehaviour {
    const b = EdgeRuntime.baseline(edge.spec);
    const src = this.mesh.sourceOf(edge);
    const dst = this.mesh.destinationOf(edge);
    b.sourceDown = src !== undefined && down.has(src);
    b.destinationDown = dst !== undefined && down.has(dst);
    for (const s of this.active) {
      if (s.edge === undefined || this.mesh.findEdge(s.edge) !== edge) {
        continue;
      }
      if (s.name === 'error-spike') {
        b.errorRate = s.errorRate ?? 0.5;
      } else if (s.name === 'latency-regression') {
        const f = s.factor ?? 10;
        b.latency = logNormal(b.latency.p50 * f, b.latency.p90 * f);
      } else if (s.name === 'mtls-disabled') {
        b.mtls = false;
      }
    }
    return b;
  }
}
