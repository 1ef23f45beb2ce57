// `npm run bench` section: a generated mesh of 2,000 workloads and 10,000 edges; how long a full
// scrape of all its targets takes and how much memory the simulator holds.
//
// What is measured: the simulator runs in this process, like `npm run sim`; the scraper runs in a
// child process, like Prometheus, so its parsing and buffering do not steal the simulator's event
// loop. The child fetches every /sd target over loopback HTTP/1.1 keep-alive, CONCURRENCY at a
// time, reads each body to its last byte and discards it (Prometheus's own parsing and storage
// cost is Prometheus's, not the simulator's). scrape_ms is wall time from the first request to
// the last byte of the last target, median of ROUNDS full scrapes after one warm-up scrape;
// target_p50_ms / target_p99_ms are per-target request→last-byte times within those scrapes.
// floor_ms is the same child fetching the same number of bytes in the same target sizes from a
// server that only replays preallocated buffers: what this machine's loopback and HTTP stack cost
// before the simulator renders a single byte.
import { type ChildProcess, fork } from 'node:child_process';
import { Agent, createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '../simulator';
import { generateTopology } from '../simulator/topology/generate';

const WORKLOADS = 2000;
const NAMESPACES = 40;
const EDGES = 10000;
/** Fetches in flight. Prometheus scrapes each target from its own goroutine; beyond a few the 2 cores are saturated. */
const CONCURRENCY = 8;
const ROUNDS = 3;

interface ScrapeRequest {
  base: string;
  paths: string[];
}

interface ScrapeResult {
  ms: number;
  bytes: number;
  /** Per target in path order: request → last byte, and body bytes. */
  targetMs: number[];
  sizes: number[];
}

/** The child's side: fetch every path, CONCURRENCY at a time, count bytes, discard them. */
function scrapeAll({ base, paths }: ScrapeRequest): Promise<ScrapeResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const targetMs: number[] = [];
  const sizes: number[] = [];
  let next = 0;
  const fetchOne = (i: number, path: string) =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      get(base + path, { agent }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`${path}: HTTP ${res.statusCode}`));
        }
        sizes[i] = 0;
        res.on('data', (chunk: Buffer) => (sizes[i] += chunk.length));
        res.on('end', () => {
          targetMs[i] = performance.now() - t0;
          resolve();
        });
        res.on('error', reject);
      }).on('error', reject);
    });
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      await fetchOne(i, paths[i]);
    }
  };
  const t0 = performance.now();
  return Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => {
    agent.destroy();
    return { ms: performance.now() - t0, bytes: sizes.reduce((a, b) => a + b, 0), targetMs, sizes };
  });
}

function ask(child: ChildProcess, req: ScrapeRequest): Promise<ScrapeResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => ((m as { error?: string }).error ? reject(new Error((m as { error: string }).error)) : resolve(m as ScrapeResult)));
    child.send(req);
  });
}

/** Serves the given body sizes from one preallocated buffer, at /0, /1, … */
async function replayServer(sizes: number[]): Promise<Server> {
  const body = Buffer.alloc(Math.max(...sizes), 'a');
  const server = createServer((req, res) => {
    const size = sizes[Number(req.url?.slice(1))];
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': size });
    res.end(body.subarray(0, size));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function benchSimulator(): Promise<Record<string, number>> {
  const topology = generateTopology({ workloads: WORKLOADS, namespaces: NAMESPACES, edges: EDGES, seed: 1 });
  const loadStart = performance.now();
  const sim = await startSimulator({ topology, seed: 1 });
  const loadMs = performance.now() - loadStart;
  const child = fork(__filename, [], { execArgv: process.execArgv });
  try {
    const paths = sim.targets().map((t) => t.labels.__metrics_path__);
    await ask(child, { base: sim.url, paths });
    const rounds: ScrapeResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push(await ask(child, { base: sim.url, paths }));
    }
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const targetMs = rounds.flatMap((r) => r.targetMs);
    const bytes = rounds[0].bytes;
    const replay = await replayServer(rounds[0].sizes);
    const floor = await ask(child, { base: `http://127.0.0.1:${(replay.address() as AddressInfo).port}`, paths: paths.map((_, i) => `/${i}`) });
    replay.close();
    return {
      workloads: topology.workloads.length,
      edges: topology.edges.length,
      scrape_ms: Math.round(median(rounds.map((r) => r.ms))),
      rss_mb: Math.round(rssMb),
      targets: paths.length,
      bytes,
      target_p50_ms: round1(percentile(targetMs, 0.5)),
      target_p99_ms: round1(percentile(targetMs, 0.99)),
      floor_ms: Math.round(floor.ms),
      load_ms: Math.round(loadMs),
    };
  } finally {
    child.kill();
    await sim.close();
  }
}

// Forked by benchSimulator: answer each ScrapeRequest with a ScrapeResult.
if (require.main === module) {
  process.on('message', (req: ScrapeRequest) => {
    scrapeAll(req).then(
      (r) => process.send?.(r),
      (err: Error) => process.send?.({ error: err.message }),
    );
  });
}
