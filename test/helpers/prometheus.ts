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
import { findBinary, type Server, sleep, startServer } from './process';
import { type QueryApi, queryApi } from './promApi';

export { freePort } from './process';
export type { InstantSample, RangeSeries } from './promApi';

const INSTALL_HINT =
  'sudo apt-get install prometheus (Debian/Ubuntu package "prometheus" provides prometheus and promtool)';

/** Absolute path of a Prometheus binary ("prometheus" or "promtool"), or a thrown, actionable error. */
export function findPrometheusBinary(name: 'prometheus' | 'promtool' = 'prometheus'): string {
  return findBinary(name, name === 'prometheus' ? 'PROMETHEUS_BIN' : 'PROMTOOL_BIN', INSTALL_HINT);
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
  /** Further files beside prometheus.yml (rules files the config names): name → content. */
  files?: Record<string, string>;
  /** ms to wait for readiness (default 30 000). */
  readyTimeoutMs?: number;
  /** More command-line flags, e.g. `--query.timeout=15m` for a bench's heaviest queries on a shared machine. */
  flags?: string[];
}

export interface Prometheus extends QueryApi {
  port: number;
  pid: number;
  /** Active targets as /api/v1/targets reports them. */
  targets(): Promise<Array<{ labels: Record<string, string>; health: string; lastError: string; scrapeUrl: string }>>;
  /** Waits until every active target has been scraped successfully `times` more times. */
  waitForScrapes(times?: number, timeoutMs?: number): Promise<void>;
  /** Replaces prometheus.yml and reloads it (POST /-/reload). */
  reload(config: string): Promise<void>;
  stop(): Promise<void>;
}

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
  const server: Server = await startServer({
    name: 'prometheus',
    bin: findPrometheusBinary('prometheus'),
    files: () => ({ ...o.files, 'prometheus.yml': o.config ?? scrapeConfig(o) }),
    args: (port, dir) => [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/data`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
      ...(o.flags ?? []),
    ],
    readyPath: '/-/ready',
    readyTimeoutMs: o.readyTimeoutMs,
  });
  const api = queryApi(server.url);

  const targets = async () => {
    const res = await fetch(`${server.url}/api/v1/targets?state=active`);
    const body = (await res.json()) as {
      data: {
        activeTargets: Array<{ labels: Record<string, string>; health: string; lastError: string; scrapeUrl: string }>;
      };
    };
    return body.data.activeTargets;
  };

  return {
    ...api,
    port: server.port,
    pid: server.pid,
    targets,
    async waitForScrapes(times = 1, timeoutMs = 60_000) {
      // Counts scrapes through the `up` series each target gets per successful scrape.
      const since = Date.now() / 1000;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ts = await targets();
        if (ts.length > 0) {
          const counts = await api.query(
            `count_over_time(up[${Math.ceil(Date.now() / 1000 - since) + 1}s]) and up == 1`
          );
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
    async reload(config) {
      server.write('prometheus.yml', config);
      const res = await fetch(`${server.url}/-/reload`, { method: 'POST' });
      if (!res.ok) {
        throw new Error(`prometheus reload: HTTP ${res.status} ${await res.text()}\n${server.log()}`);
      }
    },
    stop: server.stop,
  };
}

/** A series' labels include every target label (targets are told apart by their label sets). */
function sameTarget(series: Record<string, string>, target: Record<string, string>): boolean {
  return Object.entries(target).every(([k, v]) => series[k] === v);
}
