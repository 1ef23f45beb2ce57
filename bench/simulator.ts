// `npm run bench` section: a generated mesh of 2,000 workloads and 10,000 edges; how long a full
// scrape of all its targets takes and how much memory the simulator holds.
//
// What is measured: the simulator runs in this process, like `npm run sim`; the scraper runs in a
// child process, like Prometheus, so its parsing and buffering do not steal the simulator's event
// loop. The child fetches every /sd target over loopback HTTP/1.1 keep-alive, CONCURRENCY at a
// time, reads each body to its last byte and discards it (Prometheus's own parsing and storage
// cost is Prometheus's, not the simulator's). scrape_ms is wall time from the first request to
// the last byte of the last target, median of ROUNDS full scrapes after one warm-up scrape;
// target_p50_ms / target_p99_ms are per-target request→last-byte times within those scrapes;
// sim_cpu_ms is the simulator's CPU (user + system, so including the kernel's socket copies) per
// full scrape, warm-up included. floor_ms is the same child fetching the same number of bytes in
// the same target sizes from a server that only replays a preallocated buffer: what this
// machine's loopback and HTTP cost before the simulator renders a single byte.
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
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

/**
 * One keep-alive HTTP/1.1 connection that GETs a path and counts the body's bytes without keeping
 * them, as Prometheus's Go client reads a scrape into a buffer. A raw socket rather than node:http:
 * Node's HTTP client costs more CPU per byte than the loopback copy itself (it put the floor at
 * 2.5 s where curl reads the same bytes in 0.6 s), and on 2 shared cores that would be charged to
 * the simulator.
 */
function connection(host: string, port: number): { get(path: string): Promise<number>; close(): void } {
  const socket = connect(port, host);
  socket.setNoDelay(true);
  let head = Buffer.alloc(0);
  let want = -1;
  let got = 0;
  let pending: { path: string; resolve: (bytes: number) => void; reject: (err: Error) => void } | undefined;
  const fail = (err: Error) => {
    pending?.reject(err);
    pending = undefined;
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed mid-response')));
  socket.on('data', (data: Buffer) => {
    if (want < 0) {
      head = Buffer.concat([head, data]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        return;
      }
      const header = head.subarray(0, end).toString('latin1');
      const length = /\r\ncontent-length: *(\d+)/i.exec(header);
      if (!header.startsWith('HTTP/1.1 200 ') || !length) {
        return fail(new Error(`${pending?.path}: ${header.split('\r\n')[0]}${length ? '' : ' (no Content-Length)'}`));
      }
      want = Number(length[1]);
      got = head.length - end - 4;
      head = Buffer.alloc(0);
    } else {
      got += data.length;
    }
    if (got >= want && pending) {
      const done = pending;
      pending = undefined;
      want = -1;
      done.resolve(got);
    }
  });
  return {
    get: (path) =>
      new Promise((resolve, reject) => {
        pending = { path, resolve, reject };
        socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/plain;version=0.0.4\r\n\r\n`);
      }),
    close: () => socket.destroy(),
  };
}

/** The child's side: fetch every path over CONCURRENCY connections, count bytes, discard them. */
async function scrapeAll({ base, paths }: ScrapeRequest): Promise<ScrapeResult> {
  const { hostname, port } = new URL(base);
  const targetMs: number[] = [];
  const sizes: number[] = [];
  let next = 0;
  const worker = async () => {
    const conn = connection(hostname, Number(port));
    while (next < paths.length) {
      const i = next++;
      const t0 = performance.now();
      sizes[i] = await conn.get(paths[i]);
      targetMs[i] = performance.now() - t0;
    }
    conn.close();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ms: performance.now() - t0, bytes: sizes.reduce((a, b) => a + b, 0), targetMs, sizes };
}

function ask(child: ChildProcess, req: ScrapeRequest): Promise<ScrapeResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => ((m as { error?: string }).error ? reject(new Error((m as { error: string }).error)) : resolve(m as ScrapeResult)));
    child.send(req);
  });
}

/** Serves the given body sizes from one preallocated buffer, at /0, /1, …; resolves to its port. */
async function replayServer(sizes: number[]): Promise<number> {
  const body = Buffer.alloc(Math.max(...sizes), 'a');
  const server = createServer((req, res) => {
    const size = sizes[Number(req.url?.slice(1))];
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': size });
    res.end(body.subarray(0, size));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** The replay server in a process of its own, as the simulator's server is apart from the client's. */
function replayProcess(sizes: number[]): Promise<{ port: number; process: ChildProcess }> {
  const child = fork(__filename, ['replay'], { execArgv: process.execArgv });
  return new Promise((resolve) => {
    child.once('message', (port) => resolve({ port: port as number, process: child }));
    child.send(sizes);
  });
}

/** One warm-up full scrape, then ROUNDS measured ones. */
async function scrapeRounds(child: ChildProcess, req: ScrapeRequest): Promise<ScrapeResult[]> {
  await ask(child, req);
  const rounds: ScrapeResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push(await ask(child, req));
  }
  return rounds;
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
    const cpuBefore = process.cpuUsage();
    const rounds = await scrapeRounds(child, { base: sim.url, paths });
    const cpu = process.cpuUsage(cpuBefore);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const targetMs = rounds.flatMap((r) => r.targetMs);
    const replay = await replayProcess(rounds[0].sizes);
    const floor = await scrapeRounds(child, { base: `http://127.0.0.1:${replay.port}`, paths: paths.map((_, i) => `/${i}`) });
    replay.process.kill();
    return {
      workloads: topology.workloads.length,
      edges: topology.edges.length,
      scrape_ms: Math.round(median(rounds.map((r) => r.ms))),
      rss_mb: Math.round(rssMb),
      targets: paths.length,
      bytes: rounds[0].bytes,
      target_p50_ms: round1(percentile(targetMs, 0.5)),
      target_p99_ms: round1(percentile(targetMs, 0.99)),
      sim_cpu_ms: Math.round((cpu.user + cpu.system) / 1000 / (ROUNDS + 1)),
      floor_ms: Math.round(median(floor.map((r) => r.ms))),
      load_ms: Math.round(loadMs),
    };
  } finally {
    child.kill();
    await sim.close();
  }
}

// Forked by benchSimulator: as the scraper, answer each ScrapeRequest with a ScrapeResult; as the
// replay server, take the body sizes and answer with the port.
if (require.main === module && process.argv[2] === 'replay') {
  process.once('message', (sizes: number[]) => void replayServer(sizes).then((port) => process.send?.(port)));
} else if (require.main === module) {
  process.on('message', (req: ScrapeRequest) => {
    scrapeAll(req).then(
      (r) => process.send?.(r),
      (err: Error) => process.send?.({ error: err.message }),
    );
  });
}
