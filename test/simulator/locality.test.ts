// Localities and Envoy's per-zone stats (topology/validate's messages for them are in topology.test.ts): the split of a client's
// requests over zones (even, failover, distribute), the stat names against Envoy's as a real Istio sidecar prints
// them (the 1.11.4 capture), the counters against /truth, and the topology labels Kubernetes SD serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTopology, type Simulator, startSimulator } from '../../simulator';
import { parseLocality, zoneShares } from '../../simulator/model/locality';
import type { LocalityLbSpec } from '../../simulator/topology/types';
import { labelNames, parseExposition } from './exposition';

describe('how a client splits its requests over zones', () => {
  const b = parseLocality('us-east1/us-east1-b');
  const c = parseLocality('us-east1/us-east1-c');
  const west = parseLocality('us-west1/us-west1-a');
  const shares = (r: Array<[string, number]>) => Object.fromEntries(r.map(([z, s]) => [z, Number(s.toFixed(6))]));

  test('without locality load balancing, evenly over the endpoints whatever their zone', () => {
    expect(shares(zoneShares(b, [b, c, c, west], undefined))).toEqual({
      'us-east1-b': 0.25,
      'us-east1-c': 0.5,
      'us-west1-a': 0.25,
    });
  });

  test('failover: the nearest priority with endpoints takes everything (zone, then region, then anywhere)', () => {
    expect(shares(zoneShares(b, [b, c, west], {}))).toEqual({ 'us-east1-b': 1 });
    expect(shares(zoneShares(b, [c, c, west], {}))).toEqual({ 'us-east1-c': 1 });
    expect(shares(zoneShares(b, [west], {}))).toEqual({ 'us-west1-a': 1 });
  });

  test('distribute: the matching rule weighs localities, a wildcard shares its weight, unlisted ones get nothing', () => {
    const policy: LocalityLbSpec = {
      distribute: [
        { from: 'us-west1/*', to: { 'us-west1/*': 100 } },
        { from: 'us-east1/*', to: { 'us-east1/us-east1-b': 20, 'us-east1/*': 80 } },
      ],
    };
    expect(shares(zoneShares(c, [b, c, west], policy))).toEqual({ 'us-east1-b': 0.2, 'us-east1-c': 0.8 });
    expect(shares(zoneShares(west, [b, c, west], policy))).toEqual({ 'us-west1-a': 1 });
    // A client no rule covers balances evenly.
    expect(shares(zoneShares(parseLocality('eu/eu-1'), [b, west], policy))).toEqual({
      'us-east1-b': 0.5,
      'us-west1-a': 0.5,
    });
  });
});

describe("the simulator's per-zone Envoy stats", () => {
  const T0 = 1_800_000_000;
  const WINDOW = 600;
  let clock = T0;
  let sim: Simulator;
  /** productpage with two pods, one per zone of cluster-east. */
  const topology = {
    ...defaultTopology,
    workloads: defaultTopology.workloads.map((w) => (w.name === 'productpage-v1' ? { ...w, replicas: 2 } : w)),
  };
  const scrape = async (pod: string) =>
    parseExposition(
      await (await fetch(sim.url + sim.targets().find((t) => t.labels.pod === pod)!.labels.__metrics_path__)).text()
    );

  beforeAll(async () => {
    sim = await startSimulator({ topology, seed: 7, now: () => clock });
  });
  afterAll(() => sim.close());

  test('are named as Envoy and Istio name them: zones in the stat name, cluster and code as labels', async () => {
    const truth = sim.truth().proxies.find((p) => p.workload === 'productpage-v1')!;
    clock += 10;
    const [pod] = truth.pods;
    const stats = await scrape(pod);
    const zone = truth.localities[pod].split('/')[1].replace(/-/g, '_');
    const pair = `envoy_cluster_zone_${zone}_${zone}_upstream_rq`;
    // cluster.<c>;.zone.<from>.<to>.upstream_rq_2xx: Istio extracts cluster_name and response_code_class only.
    const real = parseExposition(
      readFileSync(join(__dirname, '../fixtures/istio/sidecar-istio-1.11.4-merged-15020.prom.txt'), 'utf8')
    );
    const theirs = real.get('envoy_cluster_zone_us_central1_c__upstream_rq')!;
    expect(stats.get(pair)?.type).toBe(theirs.type);
    const shapes = new Set(stats.get(pair)!.samples.map((s) => labelNames(s).join(',')));
    expect(shapes).toEqual(new Set(['response_code_class,cluster_name', 'response_code,cluster_name']));
    expect(labelNames(theirs.samples[0])).toEqual(['response_code_class', 'cluster_name']);
    expect(stats.get(`${pair}_completed`)?.samples.map(labelNames)[0]).toEqual(['cluster_name']);
    // The zone-aware routing counters: the capture's family names exactly, per cluster.
    const routing = (m: Map<string, unknown>) =>
      [...m.keys()].filter((n) => /^envoy_cluster_lb_(zone_|local_cluster|recalculate_zone)/.test(n)).sort();
    expect(routing(stats)).toEqual(routing(real));
    expect(routing(stats)).toHaveLength(8);
    // Only where the upstream host has a locality: no zone stats for inbound, passthrough or blackhole clusters.
    const clusters = new Set(
      [...stats.values()]
        .filter((f) => f.name.startsWith('envoy_cluster_zone_'))
        .flatMap((f) => f.samples.map((s) => Object.fromEntries(s.labels).cluster_name))
    );
    expect([...clusters].every((c) => c.startsWith('outbound|'))).toBe(true);
  });

  test('count upstream responses per zone pair as /truth states them, and zone-aware routing stays off', async () => {
    const before = sim.truth().proxies.find((p) => p.workload === 'productpage-v1')!;
    const completed = async () => {
      const out = new Map<string, number>();
      for (const pod of before.pods) {
        for (const f of (await scrape(pod)).values()) {
          const m = /^envoy_cluster_zone_(.+)_upstream_rq_completed$/.exec(f.name);
          for (const s of m ? f.samples : []) {
            out.set(`${pod} ${m![1]} ${s.labels[0][1]}`, s.value);
          }
        }
      }
      return out;
    };
    const start = await completed();
    clock += WINDOW;
    const end = await completed();
    const truth = sim.truth().proxies.find((p) => p.workload === 'productpage-v1')!;
    expect(new Set(Object.values(truth.localities).map((l) => l.split('/')[1])).size).toBe(2);
    const pairRate = (from: string, to: string) => {
      const key = `${from}_${to}`.replace(/-/g, '_');
      let n = 0;
      for (const [k, v] of end) {
        n += k.split(' ')[1] === key ? v - (start.get(k) ?? 0) : 0;
      }
      return n / WINDOW;
    };
    expect(truth.zones.length).toBeGreaterThan(2);
    for (const z of truth.zones) {
      const actual = pairRate(z.from, z.to);
      expect({ z, actual, ok: Math.abs(actual / z.requestsPerSecond - 1) < 0.02 }).toMatchObject({ ok: true });
    }
    const cross = truth.zones.filter((z) => z.from !== z.to).reduce((n, z) => n + z.requestsPerSecond, 0);
    const total = truth.zones.reduce((n, z) => n + z.requestsPerSecond, 0);
    expect(truth.crossZoneShare).toBeCloseTo(cross / total, 9);
    expect(truth.crossZoneShare).toBeGreaterThan(0);
    expect(Object.values(truth.zoneRouting)).toEqual(new Array(8).fill(0));
  });

  test('pods carry their node topology labels in Kubernetes SD, and pods of a workload spread over zones', () => {
    const nodes = new Map(sim.discovery('node').map((g) => [g.labels.__meta_kubernetes_node_name, g.labels]));
    const pods = sim.discovery('pod');
    for (const p of pods) {
      const node = nodes.get(p.labels.__meta_kubernetes_pod_node_name)!;
      expect(p.labels.__meta_kubernetes_pod_label_topology_kubernetes_io_zone).toBe(
        node.__meta_kubernetes_node_label_topology_kubernetes_io_zone
      );
      expect(p.labels.__meta_kubernetes_pod_label_topology_kubernetes_io_region).toBe(
        node.__meta_kubernetes_node_label_topology_kubernetes_io_region
      );
    }
    const zonesOf = (prefix: string) =>
      new Set(
        pods
          .filter((p) => p.labels.__meta_kubernetes_pod_name?.startsWith(prefix))
          .map((p) => p.labels.__meta_kubernetes_pod_label_topology_kubernetes_io_zone)
      );
    expect(zonesOf('productpage-v1-')).toEqual(new Set(['us-east1-b', 'us-east1-c']));
    expect([...zonesOf('reviews-v3-')].every((z) => z.startsWith('us-west1-'))).toBe(true);
  });
});
