// Validation of user topologies: structural rules from the JSON Schema, then the cross-references a
// schema cannot express. Every message starts with the path of the offending field.
import Ajv, { type ErrorObject } from 'ajv';
import { topologySchema } from './schema';
import type { EdgeSpec, Topology, WorkloadMode, WorkloadSpec } from './types';

export class TopologyError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid topology:\n  ${problems.join('\n  ')}`);
    this.name = 'TopologyError';
  }
}

const validateSchema = new Ajv({ allErrors: true, strict: true }).compile(topologySchema);

/** "/edges/3/protocol" -> "edges[3].protocol" */
function fieldPath(instancePath: string, extra?: string): string {
  // JSON Pointer escapes: map keys such as localities' "us-east1/*" arrive as "us-east1~1*".
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) {
    parts.push(extra);
  }
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '(root)';
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'enum':
      return `${fieldPath(e.instancePath)}: must be one of ${(e.params.allowedValues as string[]).join(', ')}`;
    case 'required':
      return `${fieldPath(e.instancePath, e.params.missingProperty as string)}: is required`;
    case 'additionalProperties':
      return `${fieldPath(e.instancePath, e.params.additionalProperty as string)}: is not a known field`;
    case 'pattern':
      return `${fieldPath(e.instancePath)}: must be a lower-case DNS label (a-z, 0-9, '-', '.')`;
    default:
      return `${fieldPath(e.instancePath)}: ${e.message ?? 'is invalid'}`;
  }
}

/** Resolves "ns/name" or a unique "name" to a workload index, or undefined. */
export function workloadIndex(t: Topology): (ref: string) => number | 'ambiguous' | undefined {
  const byRef = new Map<string, number | 'ambiguous'>();
  t.workloads.forEach((w, i) => {
    byRef.set(`${w.namespace}/${w.name}`, i);
    byRef.set(w.name, byRef.has(w.name) ? 'ambiguous' : i);
  });
  return (ref) => byRef.get(ref);
}

/** The mode a workload runs in: as written, else ambient in an ambient namespace and a sidecar elsewhere. */
export function modeOf(w: WorkloadSpec, ambientNamespaces: ReadonlySet<string>): WorkloadMode {
  return w.mode ?? (ambientNamespaces.has(w.namespace) ? 'ambient' : 'sidecar');
}

/** Istio's locality text: `region/zone` or `region/zone/subzone`, no part empty. */
const LOCALITY = /^[^/\s*]+\/[^/\s*]+(\/[^/\s*]+)?$/;
/** A locality pattern of `distribute`: one to three parts, each a name or `*`. */
const LOCALITY_PATTERN = /^[^/\s]+(\/[^/\s]+){0,2}$/;

export const ambientNamespaces = (t: Topology): Set<string> =>
  new Set((t.namespaces ?? []).filter((n) => n.ambient).map((n) => n.name));

function localityProblems(t: Topology, clusters: string[]): string[] {
  const problems: string[] = [];
  for (const [cluster, localities] of Object.entries(t.localities ?? {})) {
    if (!clusters.includes(cluster)) {
      problems.push(`localities.${cluster}: not a cluster of this topology (${clusters.join(', ')})`);
    }
    localities.forEach((l, i) => {
      if (!LOCALITY.test(l)) {
        problems.push(`localities.${cluster}[${i}]: "${l}" is not region/zone or region/zone/subzone`);
      } else if (localities.indexOf(l) !== i) {
        problems.push(`localities.${cluster}[${i}]: "${l}" is listed twice`);
      }
    });
  }
  t.workloads.forEach((w, i) => {
    (w.localityLb?.distribute ?? []).forEach((d, j) => {
      const at = `workloads[${i}].localityLb.distribute[${j}]`;
      if (!LOCALITY_PATTERN.test(d.from)) {
        problems.push(`${at}.from: "${d.from}" is not a locality pattern (region/zone/subzone, * for any part)`);
      }
      for (const to of Object.keys(d.to).filter((k) => !LOCALITY_PATTERN.test(k))) {
        problems.push(`${at}.to: "${to}" is not a locality pattern (region/zone/subzone, * for any part)`);
      }
      const total = Object.values(d.to).reduce((a, b) => a + b, 0);
      if (total !== 100) {
        problems.push(`${at}.to: weights must sum to 100, not ${total}`);
      }
    });
  });
  return problems;
}

/** The mesh's own DNS domain: a host there is a Kubernetes Service, not something a ServiceEntry makes external. */
const MESH_DOMAIN = /(^|\.)cluster\.local$/;

/** A hop to an external host: only a sidecar or gateway reports it, and Istio's mutual TLS ends at the mesh. */
function externalProblems(e: EdgeSpec, at: string, source: WorkloadSpec | undefined, ambient: Set<string>): string[] {
  const problems: string[] = [];
  if (MESH_DOMAIN.test(e.external!.host)) {
    problems.push(`${at}.external.host: "${e.external!.host}" is inside the mesh's cluster.local domain`);
  }
  if (e.mtls) {
    problems.push(`${at}.mtls: an external host has no Istio mutual TLS`);
  }
  if (source && modeOf(source, ambient) === 'ambient') {
    problems.push(`${at}.source: an ambient workload's calls to an external host (through ztunnel) are not modelled`);
  }
  return problems;
}

function crossCheck(t: Topology): string[] {
  const clusters = t.clusters ?? ['Kubernetes'];
  const problems: string[] = localityProblems(t, clusters);
  const ambient = ambientNamespaces(t);
  const namespaces = new Map((t.namespaces ?? []).map((n) => [n.name, n]));
  (t.namespaces ?? []).forEach((n, i) => {
    if (n.waypoint && !n.ambient) {
      problems.push(`namespaces[${i}].waypoint: needs ambient: true`);
    }
  });
  const seen = new Set<string>();
  t.workloads.forEach((w, i) => {
    const key = `${w.namespace}/${w.name}`;
    if (seen.has(key)) {
      problems.push(`workloads[${i}].name: duplicate workload ${key}`);
    }
    seen.add(key);
    if (w.cluster !== undefined && !clusters.includes(w.cluster)) {
      problems.push(`workloads[${i}].cluster: must be one of ${clusters.join(', ')}`);
    }
    const ambientNs = namespaces.get(w.namespace)?.ambient === true;
    if (w.mode === 'ambient' && !ambientNs) {
      problems.push(`workloads[${i}].mode: ambient needs namespace ${w.namespace} listed with ambient: true`);
    }
    if (w.mode === 'sidecar' && ambientNs) {
      problems.push(`workloads[${i}].mode: namespace ${w.namespace} is ambient, sidecars are not injected there`);
    }
    if (w.wasmExtensions?.length && modeOf(w, ambient) === 'ambient') {
      problems.push(
        `workloads[${i}].wasmExtensions: Wasm extensions run in a sidecar or gateway, and ${w.namespace} is ambient`
      );
    }
  });
  const resolve = workloadIndex(t);
  const check = (path: string, ref: string): number | undefined => {
    const i = resolve(ref);
    if (i === undefined) {
      problems.push(`${path}: unknown workload "${ref}"`);
    } else if (i === 'ambiguous') {
      problems.push(`${path}: "${ref}" matches several workloads, write namespace/name`);
    } else {
      return i;
    }
    return undefined;
  };
  t.edges.forEach((e, i) => {
    const source = e.source === 'unknown' ? undefined : check(`edges[${i}].source`, e.source);
    const ends = [e.destination, e.egress, e.external].filter((x) => x !== undefined).length;
    if (ends !== 1) {
      problems.push(`edges[${i}].destination: exactly one of destination, egress and external is required`);
    } else if (e.destination !== undefined) {
      const d = check(`edges[${i}].destination`, e.destination);
      if (d !== undefined && t.workloads[d].mode === 'gateway') {
        problems.push(`edges[${i}].destination: gateways only originate traffic in this model`);
      }
    } else if (e.source === 'unknown') {
      problems.push(`edges[${i}].${e.egress ? 'egress' : 'external'}: needs a source workload inside the mesh`);
    }
    if (e.external) {
      problems.push(
        ...externalProblems(e, `edges[${i}]`, source === undefined ? undefined : t.workloads[source], ambient)
      );
    }
    if (e.latency && e.latency.p90 < e.latency.p50) {
      problems.push(`edges[${i}].latency.p90: must be >= p50`);
    }
    if (e.messagesPerRequest !== undefined && e.protocol !== 'grpc') {
      problems.push(`edges[${i}].messagesPerRequest: only applies to protocol grpc`);
    }
  });
  return problems;
}

/** Throws TopologyError listing every problem; returns the input typed as a Topology otherwise. */
export function validateTopology(input: unknown): Topology {
  if (!validateSchema(input)) {
    throw new TopologyError((validateSchema.errors ?? []).map(describe));
  }
  const t = input as Topology;
  const problems = crossCheck(t);
  if (problems.length > 0) {
    throw new TopologyError(problems);
  }
  return t;
}
