// `npm run bench` section: a generated mesh of 2,000 workloads and 10,000 edges; how long a full
// scrape of all its targets takes and how much memory the simulator holds.
import { startSimulator } from '../simulator';
import { generateTopology } from '../simulator/topology/generate';

const WORKLOADS = 2000;
const NAMESPACES = 40;
const EDGES = 10000;
/** Prometheus scrapes targets concurrently; this many fetches in flight. */
const CONCURRENCY = 8;

async function scrapeAll(base: string, paths: string[]): Promise<number> {
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const res = await fetch(base + path, { headers: { 'Accept-Encoding': 'identity' } });
      if (!res.ok) {
        throw new Error(`${path}: HTTP ${res.status}`);
      }
      bytes += (await res.text()).length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return bytes;
}

export async function benchSimulator(): Promise<{ workloads: number; edges: number; scrape_ms: number; rss_mb: number; targets: number; scrape_mb: number }> {
  const topology = generateTopology({ workloads: WORKLOADS, namespaces: NAMESPACES, edges: EDGES, seed: 1 });
  const sim = await startSimulator({ topology, seed: 1 });
  try {
    const paths = sim.targets().map((t) => t.labels.__metrics_path__);
    // One full scrape: at this size it takes long enough that JIT warm-up is noise.
    const t0 = performance.now();
    const bytes = await scrapeAll(sim.url, paths);
    const scrapeMs = performance.now() - t0;
    return {
      workloads: topology.workloads.length,
      edges: topology.edges.length,
      scrape_ms: Math.round(scrapeMs),
      rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      targets: paths.length,
      scrape_mb: Math.round(bytes / 1024 / 1024),
    };
  } finally {
    await sim.close();
  }
}
