/**
 * A throwaway real Prometheus (the system binary) for integration tests.
 *
 *   const prom = await startPrometheus({ sdUrl: `${sim.url}/sd`, scrapeInterval: '1s' });
 *   await prom.waitForScrapes(2);                 // every target scraped at least twice
 *   const v = await prom.query('sum(rate(istio_requests_total[20s]))');   // InstantSample[]
 *   const m = await prom.queryRange('up', start, end, 1);                 // RangeSeries[]
 *   await prom.stop();                            // kills the process, deletes its temp dir
 *
 * - Binds 127.0.0.1 on a free port; config and TSDB live in a fresh temp dir.
 * - `config` may replace the generated scrape config entirely (YAML text); otherwise pass `sdUrl`
 *   (HTTP service discovery, e.g. the simulator's /sd) and/or `staticTargets`.
 * - Throws with "apt-get install prometheus" when the binary is missing: tests must fail, not skip.
 * - Always call stop() (e.g. in afterAll); it is idempotent and waits for the process to exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL_HINT =
  'install it with: sudo apt-get install prometheus (Debian/Ubuntu package "prometheus" provides prometheus and promtool)';

/** Absolute path of a Prometheus binary ("prometheus" or "promtool"), or a thrown, actionable error. */
export function findPrometheusBinary(name: 'prometheus' | 'promtool' = 'prometheus'): string {
  const env = name === 'prometheus' ? process.env.PROMETHEUS_BIN : process.env.PROMTOOL_BIN;
  for (const candidate of [env, `/usr/bin/${name}`, `/usr/local/bin/${name}`]) {
    if (candidate && existsSync(candidate)) {
      return candidate;
    }
  }
  throw new Error(
    `${name} binary not found (looked in $${name === 'prometheus' ? 'PROMETHEUS_BIN' : 'PROMTOOL_BIN'}, /usr/bin, /usr/local/bin); ${INSTALL_HINT}`
  );
}

/** A free TCP port on 127.0.0.1 (bind to 0, read, release). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface InstantSample {
  metric: Record<string, string>;
  /** NaN and ±Inf are parsed as numbers. */
  value: number;
  timestamp: number;
}

export interface RangeSeries {
  metric: Record<string, string>;
  values: Array<[number, number]>;
}

export interface PrometheusOptions {
  /** HTTP SD endpoint to scrape, e.g. `${sim.url}/sd`. */
  sdUrl?: string;
  /** host:port targets for a static job named "static". */
  staticTargets?: string[];
  /** Default "1s". */
  scrapeInterval?: string;
  /** Full prometheus.yml text; overrides sdUrl/staticTargets. */
  config?: string;
  /** ms to wait for readiness (default 30 000). */
  readyTimeoutMs?: number;
}

export interface Prometheus {
  url: string;
  port: number;
  query(expr: string, time?: number): Promise<InstantSample[]>;
  /** A scalar-valued query's single value (throws if the result is not exactly one sample). */
  queryValue(expr: string, time?: number): Promise<number>;
  queryRange(expr: string, start: number, end: number, stepSeconds: number): Promise<RangeSeries[]>;
  /** Active targets as /api/v1/targets reports them. */
  targets(): Promise<Array<{ labels: Record<string, string>; health: string; lastError: string; scrapeUrl: string }>>;
  /** Waits until every active target has been scraped successfully `times` more times. */
  waitForScrapes(times?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function parseValue(v: string): number {
  return v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : Number(v);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function scrapeConfig(o: PrometheusOptions): string {
  const interval = o.scrapeInterval ?? '1s';
  const lines = ['global:', `  scrape_interval: ${interval}`, `  evaluation_interval: ${interval}`, 'scrape_configs:'];
  if (o.sdUrl) {
    lines.push(
      '  - job_name: sd',
      '    http_sd_configs:',
      `      - url: ${o.sdUrl}`,
      `        refresh_interval: ${interval}`
    );
  }
  if (o.staticTargets?.length) {
    lines.push(
      '  - job_name: static',
      '    static_configs:',
      `      - targets: [${o.staticTargets.map((t) => `"${t}"`).join(', ')}]`
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function startPrometheus(o: PrometheusOptions = {}): Promise<Prometheus> {
  const bin = findPrometheusBinary('prometheus');
  const dir = mkdtempSync(join(tmpdir(), 'meshscope-prom-'));
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, o.config ?? scrapeConfig(o));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(
    bin,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-4000);
  });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  async function api<T>(path: string, params: Record<string, string>): Promise<T> {
    const res = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') {
      throw new Error(`Prometheus ${path} ${JSON.stringify(params)}: ${body.error ?? res.status}`);
    }
    return body.data;
  }

  const query = async (expr: string, time?: number): Promise<InstantSample[]> => {
    const data = await api<{ resultType: string; result: unknown }>(
      '/api/v1/query',
      time === undefined ? { query: expr } : { query: expr, time: String(time) }
    );
    if (data.resultType === 'scalar') {
      const [t, v] = data.result as [number, string];
      return [{ metric: {}, value: parseValue(v), timestamp: t }];
    }
    return (data.result as Array<{ metric: Record<string, string>; value: [number, string] }>).map((r) => ({
      metric: r.metric,
      value: parseValue(r.value[1]),
      timestamp: r.value[0],
    }));
  };

  const targets = async () =>
    (
      await api<{
        activeTargets: Array<{ labels: Record<string, string>; health: string; lastError: string; scrapeUrl: string }>;
      }>('/api/v1/targets', { state: 'active' })
    ).activeTargets;

  const prom: Prometheus = {
    url,
    port,
    query,
    async queryValue(expr, time) {
      const r = await query(expr, time);
      if (r.length !== 1) {
        throw new Error(`expected one sample for ${expr}, got ${r.length}`);
      }
      return r[0].value;
    },
    async queryRange(expr, start, end, step) {
      const data = await api<{ result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> }>(
        '/api/v1/query_range',
        {
          query: expr,
          start: String(start),
          end: String(end),
          step: String(step),
        }
      );
      return data.result.map((r) => ({
        metric: r.metric,
        values: r.values.map(([t, v]) => [t, parseValue(v)] as [number, number]),
      }));
    },
    targets,
    async waitForScrapes(times = 1, timeoutMs = 60_000) {
      // Counts scrapes through the `up` series each target gets per successful scrape.
      const since = Date.now() / 1000;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ts = await targets();
        if (ts.length > 0) {
          const counts = await query(`count_over_time(up[${Math.ceil(Date.now() / 1000 - since) + 1}s]) and up == 1`);
          const ok = ts.every((t) =>
            counts.some(
              (c) =>
                c.metric.instance === t.labels.instance &&
                c.metric.job === t.labels.job &&
                sameTarget(c.metric, t.labels) &&
                c.value >= times + 1
            )
          );
          if (ok && ts.every((t) => t.health === 'up')) {
            return;
          }
        }
        if (Date.now() > deadline) {
          throw new Error(
            `targets not scraped ${times}× within ${timeoutMs} ms: ${JSON.stringify(ts.filter((t) => t.health !== 'up').map((t) => [t.scrapeUrl, t.lastError]))}`
          );
        }
        await sleep(250);
      }
    },
    stop,
  };

  const deadline = Date.now() + (o.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`prometheus exited during startup:\n${log}`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return prom;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready after ${o.readyTimeoutMs ?? 30_000} ms:\n${log}`);
    }
    await sleep(100);
  }
}

/** A series' labels include every target label (targets are told apart by their label sets). */
function sameTarget(series: Record<string, string>, target: Record<string, string>): boolean {
  return Object.entries(target).every(([k, v]) => series[k] === v);
}
