// Topology loading and validation (errors name the field), the generator, and determinism.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTopology, generateTopology, startSimulator, TopologyError, validateTopology } from '../../simulator';
import { loadTopology } from '../../simulator/topology/load';

const problems = (input: unknown): string[] => {
  try {
    validateTopology(input);
  } catch (err) {
    if (err instanceof TopologyError) {
      return err.problems;
    }
    throw err;
  }
  return [];
};

describe('topology validation', () => {
  const base = () => JSON.parse(JSON.stringify(defaultTopology));

  test('the default topology is valid', () => {
    expect(problems(defaultTopology)).toEqual([]);
  });

  test('a bad protocol names the field and the allowed values', () => {
    const t = base();
    t.edges[3].protocol = 'udp';
    expect(problems(t)).toEqual(['edges[3].protocol: must be one of http, grpc, tcp']);
  });

  test('unknown workloads, missing fields and bad numbers are reported with their paths', () => {
    const t = base();
    t.edges[0].destination = 'nope';
    delete t.workloads[2].namespace;
    t.edges[1].errorRate = 2;
    t.edges[2].latency = { p50: 50, p90: 10 };
    expect(problems(t)).toEqual(
      expect.arrayContaining(['workloads[2].namespace: is required', 'edges[1].errorRate: must be <= 1'])
    );
    const t2 = base();
    t2.edges[0].destination = 'nope';
    t2.edges[2].latency = { p50: 50, p90: 10 };
    expect(problems(t2)).toEqual([
      'edges[0].destination: unknown workload "nope"',
      'edges[2].latency.p90: must be >= p50',
    ]);
  });

  test('a YAML file with an error is rejected by the simulator before it serves anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshscope-topo-'));
    try {
      const file = join(dir, 'bad.yaml');
      writeFileSync(
        file,
        'name: bad\nworkloads:\n  - {name: a, namespace: ns}\n  - {name: b, namespace: ns}\nedges:\n  - {source: a, destination: b, protocol: smtp, rate: 1}\n'
      );
      await expect(startSimulator({ topology: file })).rejects.toThrow(
        'edges[0].protocol: must be one of http, grpc, tcp'
      );
      writeFileSync(
        file,
        'name: ok\nworkloads:\n  - {name: a, namespace: ns}\n  - {name: b, namespace: ns}\nedges:\n  - {source: a, destination: b, protocol: http, rate: 1}\n'
      );
      expect(loadTopology(file).edges).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('topology localities are validated, naming the field', () => {
    test('a locality that is not region/zone[/subzone], listed twice, or for a cluster the topology lacks', () => {
      const t = base();
      t.localities = { 'cluster-east': ['us-east1', 'a/b', 'a/b'], nowhere: ['r/z'] };
      expect(problems(t)).toEqual([
        'localities.cluster-east[0]: "us-east1" is not region/zone or region/zone/subzone',
        'localities.cluster-east[2]: "a/b" is listed twice',
        'localities.nowhere: not a cluster of this topology (cluster-east, cluster-west)',
      ]);
    });

    test('distribute weights that do not sum to 100, bad patterns, bad weights and unknown fields', () => {
      const t = base();
      const i = defaultTopology.workloads.findIndex((w) => w.name === 'reviews-v2');
      t.workloads[i].localityLb = { distribute: [{ from: 'us-east1//', to: { 'us-east1/*': 70, 'us-west1/*': 20 } }] };
      expect(problems(t)).toEqual([
        `workloads[${i}].localityLb.distribute[0].from: "us-east1//" is not a locality pattern (region/zone/subzone, * for any part)`,
        `workloads[${i}].localityLb.distribute[0].to: weights must sum to 100, not 90`,
      ]);
      t.workloads[i].localityLb = { distribute: [{ from: '*', to: { 'us-east1/*': 'most' } }], failover: [] };
      expect(problems(t)).toEqual([
        `workloads[${i}].localityLb.failover: is not a known field`,
        `workloads[${i}].localityLb.distribute[0].to.us-east1/*: must be integer`,
      ]);
    });
  });
});

describe('generator and determinism', () => {
  test('generates N workloads over M namespaces with the requested edges, deterministically', () => {
    const a = generateTopology({ workloads: 300, namespaces: 12, edges: 1200, seed: 5 });
    expect(a.workloads).toHaveLength(300);
    expect(new Set(a.workloads.map((w) => w.namespace)).size).toBe(13); // + istio-system for the gateway
    expect(a.edges).toHaveLength(1200);
    expect(problems(a)).toEqual([]);
    expect(generateTopology({ workloads: 300, namespaces: 12, edges: 1200, seed: 5 })).toEqual(a);
    expect(generateTopology({ workloads: 300, namespaces: 12, edges: 1200, seed: 6 })).not.toEqual(a);
    // Realistic fan-in: some callee is shared by many callers.
    const fanIn = new Map<string, number>();
    a.edges.forEach((e) => fanIn.set(e.destination!, (fanIn.get(e.destination!) ?? 0) + 1));
    expect(Math.max(...fanIn.values())).toBeGreaterThan(20);
  });

  test('ambient namespaces and Wasm extensions on request, the rest of the mesh unchanged', async () => {
    const plain = generateTopology({ workloads: 300, namespaces: 12, edges: 1200, seed: 5 });
    const mixed = generateTopology({
      workloads: 300,
      namespaces: 12,
      edges: 1200,
      seed: 5,
      ambientNamespaces: 2,
      wasmShare: 0.1,
    });
    expect(problems(mixed)).toEqual([]);
    expect(mixed.edges).toEqual(plain.edges);
    expect(mixed.workloads.map(({ wasmExtensions, ...w }) => w)).toEqual(plain.workloads);
    expect(mixed.namespaces).toEqual([
      { name: 'ns-010', ambient: true, waypoint: true },
      { name: 'ns-011', ambient: true, waypoint: true },
    ]);
    const withWasm = mixed.workloads.filter((w) => w.wasmExtensions);
    // ~10 % of the 250 sidecar workloads, none in an ambient namespace (no sidecar to run it).
    expect(withWasm.length).toBeGreaterThan(12);
    expect(withWasm.length).toBeLessThan(40);
    expect(withWasm.filter((w) => w.namespace === 'ns-010' || w.namespace === 'ns-011')).toEqual([]);
    // A topology file asking for one there is told why rather than silently served without it.
    const frontend = defaultTopology.workloads.findIndex((w) => w.name === 'frontend-v1');
    const ambientWasm = {
      ...defaultTopology,
      workloads: defaultTopology.workloads.map((w, i) =>
        i === frontend ? { ...w, wasmExtensions: ['basic-auth'] } : w
      ),
    };
    expect(problems(ambientWasm)).toEqual([
      `workloads[${frontend}].wasmExtensions: Wasm extensions run in a sidecar or gateway, and shop is ambient`,
    ]);

    const sim = await startSimulator({ topology: mixed, seed: 5, now: () => 1_800_000_000 });
    try {
      const paths = sim.targets().map((t) => t.labels.__metrics_path__);
      expect(paths.filter((p) => /\/pods\/ztunnel-/.test(p)).length).toBeGreaterThan(0);
      expect(paths.filter((p) => /\/namespaces\/ns-01[01]\/pods\/waypoint-/.test(p))).toHaveLength(2);
      const wasmPod = paths.find((p) => p.includes(`/namespaces/${withWasm[0].namespace}/pods/${withWasm[0].name}-`))!;
      expect(await (await fetch(sim.url + wasmPod)).text()).toMatch(/^envoy_wasm_/m);
    } finally {
      await sim.close();
    }
  });

  test('--topology generated:NxMxE takes ambient= and wasm=, and names a bad one', () => {
    const t = loadTopology('generated:60x6x150,ambient=2,wasm=0.2', 3);
    expect(t).toEqual(
      generateTopology({ workloads: 60, namespaces: 6, edges: 150, seed: 3, ambientNamespaces: 2, wasmShare: 0.2 })
    );
    expect(t.namespaces?.map((n) => n.name)).toEqual(['ns-004', 'ns-005']);
    const problems = (arg: string) => {
      try {
        loadTopology(arg, 3);
      } catch (err) {
        return err instanceof TopologyError ? err.problems : [String(err)];
      }
      return [];
    };
    expect(problems('generated:60x6x150,ambient=7')).toEqual([
      'topology.ambient: must be an integer from 0 to the 6 namespaces (got "7")',
    ]);
    expect(problems('generated:60x6x150,wasm=1.5,colour=blue')).toEqual([
      'topology.wasm: must be a share from 0 to 1 (got "1.5")',
      'topology.colour: unknown option of a generated topology; known: ambient, wasm',
    ]);
    expect(problems('generated:60x6x150,ambient=,wasm=0x1,ambient=2')).toEqual([
      'topology.ambient: must be an integer from 0 to the 6 namespaces (got "")',
      'topology.wasm: must be a share from 0 to 1 (got "0x1")',
      'topology.ambient: given twice',
    ]);
    expect(problems('generated:60x6x150,Ambient=1')).toEqual([
      'topology.Ambient: unknown option of a generated topology; known: ambient, wasm',
    ]);
  });

  test('same seed and clock give byte-identical scrapes; another seed gives other pod names', async () => {
    const scrapeAll = async (seed: number) => {
      let t = 1_800_000_000;
      const sim = await startSimulator({ seed, now: () => t });
      t += 45;
      const out: string[] = [];
      for (const target of sim.targets()) {
        out.push(target.labels.__metrics_path__, await (await fetch(sim.url + target.labels.__metrics_path__)).text());
      }
      await sim.close();
      return out;
    };
    const [a, b, c] = [await scrapeAll(11), await scrapeAll(11), await scrapeAll(12)];
    expect(a).toEqual(b);
    expect(a.join('')).toContain('istio_requests_total{');
    expect(c.filter((_, i) => i % 2 === 0)).not.toEqual(a.filter((_, i) => i % 2 === 0));
  });
});
