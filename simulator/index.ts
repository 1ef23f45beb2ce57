// Library entry: start the simulator in-process (tests, bench, preview) and drive it.
import type { AddressInfo } from 'node:net';
import { discover, type Role, type TargetGroup } from './kubernetes/discovery';
import { kubernetesObjects } from './kubernetes/objects';
import { Mesh } from './model/mesh';
import { prometheusConfig } from './prometheus-config';
import { type ActiveScenario, type ScenarioRequest, Scenarios } from './scenarios';
import { createSimulatorServer, sdDocument } from './server';
import { loadTopology } from './topology/load';
import type { Topology } from './topology/types';
import { type Truth, truthOf } from './truth';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** "default", "generated:<workloads>x<namespaces>x<edges>[,ambient=<n>][,wasm=<share>]", a YAML/JSON file path, or a Topology object. */
  topology?: string | Topology;
  seed?: number;
  /** Clock in seconds; tests may inject one. Default: wall clock. */
  now?: () => number;
}

export interface Simulator {
  /** http://host:port */
  url: string;
  /** host:port as written in /sd. */
  address: string;
  topology: Topology;
  truth(): Truth;
  /** Starts a scenario and returns it with its id. Throws ScenarioError on bad input. */
  setScenario(req: ScenarioRequest): ActiveScenario;
  clearScenario(id?: number): void;
  /** Paths and target labels of every visible target, as /sd lists them. */
  targets(): Array<{ targets: string[]; labels: Record<string, string> }>;
  /** Kubernetes SD's targets for a role, as /sd/kubernetes/<role> serves them. */
  discovery(role: Role): TargetGroup[];
  /** A Prometheus config that scrapes this simulator through /sd. */
  prometheusConfig(scrapeInterval?: string): string;
  close(): Promise<void>;
}

export async function startSimulator(o: SimulatorOptions = {}): Promise<Simulator> {
  const seed = o.seed ?? 1;
  const now = o.now ?? (() => Date.now() / 1000);
  const topology = loadTopology(o.topology, seed);
  const mesh = new Mesh(topology, seed, now());
  const scenarios = new Scenarios(mesh);
  const host = o.host ?? '127.0.0.1';
  let address = '';
  const kube = kubernetesObjects(mesh);
  const server = createSimulatorServer({ mesh, kube, scenarios, now, address: () => address });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  address = `${host}:${(server.address() as AddressInfo).port}`;
  const url = `http://${address}`;
  return {
    url,
    address,
    topology,
    truth: () => truthOf(mesh, scenarios.list(), now()),
    setScenario: (req) => scenarios.start(req, now()),
    clearScenario: (id) => (id === undefined ? scenarios.clear(now()) : void scenarios.stop(id, now())),
    targets: () => sdDocument(mesh.targets, address),
    discovery: (role) => discover(kube, role),
    prometheusConfig: (scrapeInterval) => prometheusConfig({ simulatorUrl: url, scrapeInterval }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export type { ScenarioRequest, ActiveScenario } from './scenarios';
export { SCENARIO_NAMES, ScenarioError } from './scenarios';
export type { Topology, EdgeSpec, WorkloadSpec, NamespaceSpec } from './topology/types';
export type { Truth, EdgeTruth, ProxyTruth, ClusterTruth } from './truth';
export { TopologyError, validateTopology } from './topology/validate';
export { generateTopology } from './topology/generate';
export { defaultTopology } from './topology/default';
export { prometheusConfig } from './prometheus-config';
export { ROLES, type Role, type TargetGroup } from './kubernetes/discovery';
