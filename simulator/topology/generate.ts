// Large meshes: N workloads over M namespaces with realistic fan-out. Services form call tiers
// (edge → BFF → domain → data), most calls stay in the caller's namespace, and callee popularity
// is Zipf-like so a few shared services (auth, config, databases) have hundreds of callers.
// Optionally, as meshes part-way to ambient or running extensions are: the last namespaces in ambient mode with a
// waypoint each, a share of the workloads with a Wasm extension and a share with extended Envoy stats.
import type { EdgeSpec, NamespaceSpec, Protocol, Topology, WorkloadSpec } from './types';
import { hash32, rng } from '../util/random';

export interface GenerateOptions {
  workloads: number;
  namespaces: number;
  edges: number;
  seed?: number;
  clusters?: number;
  /** How many namespaces (the last ones) run in ambient mode, each with a waypoint. Default 0. */
  ambientNamespaces?: number;
  /** Share (0..1) of sidecar workloads running a Wasm extension. Default 0. */
  wasmShare?: number;
  /** Share (0..1) of sidecar workloads with proxyStatsMatcher's extended Envoy stats on. Default 0. */
  extendedStatsShare?: number;
}

/** Extensions a generated workload may run, as the Wasm dashboard meets them in plugin names. */
const WASM_EXTENSIONS = ['basic-auth', 'rate-limit', 'header-rewrite'];

const TIERS = 4;
const SAME_NAMESPACE = 0.7;

export function generateTopology(o: GenerateOptions): Topology {
  const random = rng(o.seed ?? 1);
  const clusters = Array.from({ length: o.clusters ?? 1 }, (_, i) => `cluster-${i + 1}`);
  const pad = String(o.workloads).length;
  const nsName = (i: number) => `ns-${String(i).padStart(3, '0')}`;
  const ambientCount = Math.min(o.ambientNamespaces ?? 0, o.namespaces);
  // Chosen by hash rather than the generator's random stream, so these options leave the rest of the mesh unchanged.
  const chosen = (app: string, salt: string, share = 0) =>
    (hash32(`${salt}${app}`, o.seed ?? 1) % 10_000) / 10_000 < share;
  const workloads: WorkloadSpec[] = [
    {
      name: 'istio-ingressgateway',
      namespace: 'istio-system',
      mode: 'gateway',
      app: 'istio-ingressgateway',
      replicas: 2,
    },
  ];
  const tierOf: number[] = [-1];
  for (let i = 0; i < o.workloads - 1; i++) {
    const ambient = i % o.namespaces >= o.namespaces - ambientCount;
    const app = `svc-${String(i).padStart(pad, '0')}`;
    const w: WorkloadSpec = {
      name: `${app}-v1`,
      namespace: nsName(i % o.namespaces),
      cluster: clusters[i % clusters.length],
      app,
      version: 'v1',
      port: 8080,
      serviceAccount: app,
    };
    if (!ambient && chosen(app, '', o.wasmShare)) {
      w.wasmExtensions = [WASM_EXTENSIONS[hash32(app) % WASM_EXTENSIONS.length]];
    }
    if (!ambient && chosen(app, 'stats/', o.extendedStatsShare)) {
      w.extendedStats = true;
    }
    workloads.push(w);
    tierOf.push(Math.min(TIERS - 1, Math.floor((i / (o.workloads - 1)) * TIERS)));
  }
  const byTier = Array.from({ length: TIERS }, (_, t) => workloads.map((_, i) => i).filter((i) => tierOf[i] === t));
  const byTierNs = new Map<string, number[]>();
  for (let i = 1; i < workloads.length; i++) {
    const key = `${tierOf[i]}/${workloads[i].namespace}`;
    byTierNs.set(key, [...(byTierNs.get(key) ?? []), i]);
  }
  /** Zipf-ish pick: low positions are popular. */
  const pick = (list: number[]) => list[Math.floor(list.length * Math.pow(random(), 2.2))];
  const ref = (i: number) => `${workloads[i].namespace}/${workloads[i].name}`;

  const edges: EdgeSpec[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number, protocol: Protocol, rate: number) => {
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) {
      return;
    }
    seen.add(key);
    const p50 = 1 + Math.floor(random() * 40);
    edges.push({
      source: ref(from),
      destination: ref(to),
      protocol,
      rate: Math.round(rate * 100) / 100,
      errorRate: random() < 0.2 ? Math.round(random() * 200) / 10000 : 0,
      latency: { p50, p90: p50 * (2 + Math.floor(random() * 4)) },
      requestBytes: 200 + Math.floor(random() * 2000),
      responseBytes: 300 + Math.floor(random() * 20000),
    });
  };
  // The gateway fronts a slice of the first tier.
  for (const to of byTier[0].slice(0, Math.max(1, Math.ceil(byTier[0].length / 10)))) {
    add(0, to, 'http', 5 + random() * 50);
  }
  let guard = 0;
  while (edges.length < o.edges && guard++ < o.edges * 20) {
    const from = 1 + Math.floor(random() * (workloads.length - 1));
    const tier = tierOf[from];
    if (tier === TIERS - 1) {
      continue;
    }
    const toTier = tier + 1 + Math.floor(random() * (TIERS - 1 - tier));
    const local = byTierNs.get(`${toTier}/${workloads[from].namespace}`);
    const to = local && random() < SAME_NAMESPACE ? pick(local) : pick(byTier[toTier]);
    const protocol: Protocol = toTier === TIERS - 1 && random() < 0.3 ? 'tcp' : random() < 0.15 ? 'grpc' : 'http';
    add(from, to, protocol, protocol === 'tcp' ? 0.2 + random() : (0.5 + random() * 20) / (1 + tier));
  }
  const topology: Topology = { name: `generated-${o.workloads}w-${o.edges}e`, clusters, workloads, edges };
  if (ambientCount > 0) {
    topology.namespaces = Array.from({ length: ambientCount }, (_, k): NamespaceSpec => ({
      name: nsName(o.namespaces - ambientCount + k),
      ambient: true,
      waypoint: true,
    }));
  }
  return topology;
}
