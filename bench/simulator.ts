// `npm run bench` section: a generated mesh of 2,000 workloads and 10,000 edges; how long a full
// scrape of all its targets takes and how much memory the simulator holds.
//
// What is measured: the simulator runs in this process, like `npm run sim`; the scraper is curl, a
// separate C process, standing in for Prometheus's Go scraper: both read a body at close to what
// the kernel's copy costs, where a Node client spent three times as much CPU per byte as curl and,
// on 2 shared cores, charged it to the simulator. curl fetches every /sd target over loopback
// HTTP/1.1 keep-alive, CONCURRENCY at a time, and discards the bodies (Prometheus's own parsing and
// storage cost is Prometheus's, not the simulator's). scrape_ms is wall time from starting curl to
// its exit after the last byte of the last target, median of ROUNDS full scrapes after one warm-up
// scrape; target_p50_ms / target_p99_ms are curl's per-target request→last-byte times within those
// scrapes; sim_cpu_ms is the simulator's CPU (user + system, so including the kernel's socket
// copies) per full scrape, warm-up included. floor_ms is the same curl fetching the same number of
// bytes in the same target sizes from a Node process that only replays a preallocated buffer: what
// this machine's loopback and HTTP cost before the simulator renders a single byte.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '../simulator';
import { generateTopology } from '../simulator/topology/generate';
import { median, percentile } from './stats';

const WORKLOADS = 2000;
const NAMESPACES = 40;
const EDGES = 10000;
/** Fetches in flight. Prometheus scrapes each target from its own goroutine; beyond a few the 2 cores are saturated. */
const CONCURRENCY = 8;
const ROUNDS = 3;

interface ScrapeResult {
  ms: number;
  bytes: number;
  /** Per target in path order: request → last byte, and body bytes. */
  targetMs: number[];
  sizes: number[];
}

/** One full scrape: curl GETs `base` + each path, CONCURRENCY at a time over reused connections. */
function scrapeAll(base: string, paths: string[]): Promise<ScrapeResult> {
  const index = new Map(paths.map((p, i) => [`${base}${p}`, i]));
  const curl = spawn(
    'curl',
    [
      '--silent',
      '--show-error',
      '--fail',
      '--parallel',
      '--parallel-max',
      String(CONCURRENCY),
      '--config',
      '-',
      '--write-out',
      '%{url_effective} %{size_download} %{time_total}\\n',
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    }
  );
  let out = '';
  let err = '';
  curl.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  curl.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const t0 = performance.now();
  curl.stdin.end(paths.map((p) => `url = "${base}${p}"\noutput = "/dev/null"\n`).join(''));
  return new Promise((resolve, reject) => {
    curl.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new Error('the simulator bench scrapes with curl, which is not installed: apt-get install curl')
          : e
      )
    );
    curl.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) {
        return reject(new Error(`curl exited with ${code}: ${err.trim()}`));
      }
      const targetMs: number[] = [];
      const sizes: number[] = [];
      for (const line of out.trim().split('\n')) {
        const [url, size, seconds] = line.split(' ');
        const i = index.get(url);
        if (i === undefined) {
          return reject(new Error(`curl reported a URL it was not given: ${line}`));
        }
        sizes[i] = Number(size);
        targetMs[i] = Number(seconds) * 1000;
      }
      const reported = sizes.filter((x) => x !== undefined).length;
      if (reported !== paths.length) {
        return reject(new Error(`curl reported ${reported} of ${paths.length} targets`));
      }
      resolve({ ms, bytes: sizes.reduce((a, b) => a + b, 0), targetMs, sizes });
    });
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
  return new Promise((resolve, reject) => {
    child.once('message', (port) => resolve({ port: port as number, process: child }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the replay server exited (${code}) before it listened`)));
    child.send(sizes);
  });
}

/** One warm-up full scrape, then ROUNDS measured ones. */
async function scrapeRounds(base: string, paths: string[]): Promise<ScrapeResult[]> {
  await scrapeAll(base, paths);
  const rounds: ScrapeResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push(await scrapeAll(base, paths));
  }
  return rounds;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function benchSimulator(): Promise<Record<string, number>> {
  const topology = generateTopology({ workloads: WORKLOADS, namespaces: NAMESPACES, edges: EDGES, seed: 1 });
  const loadStart = performance.now();
  const sim = await startSimulator({ topology, seed: 1 });
  const loadMs = performance.now() - loadStart;
  try {
    const paths = sim.targets().map((t) => t.labels.__metrics_path__);
    const cpuBefore = process.cpuUsage();
    const rounds = await scrapeRounds(sim.url, paths);
    const cpu = process.cpuUsage(cpuBefore);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const targetMs = rounds.flatMap((r) => r.targetMs);
    const replay = await replayProcess(rounds[0].sizes);
    const floor = await scrapeRounds(
      `http://127.0.0.1:${replay.port}`,
      paths.map((_, i) => `/${i}`)
    ).finally(() => replay.process.kill());
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
    await sim.close();
  }
}

// Forked by benchSimulator as the replay server: take the body sizes, answer with the port.
if (require.main === module && process.argv[2] === 'replay') {
  process.once('message', (sizes: number[]) => void replayServer(sizes).then((port) => process.send?.(port)));
}
