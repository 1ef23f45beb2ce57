// The simulator's HTTP API. Routes:
//   GET  /sd                      Prometheus HTTP service discovery: every visible target, labels ready-made
//   GET  /sd/kubernetes/<role>    Kubernetes SD's target labels (role pod, endpoints or node) for a setup's relabelling
//   GET  <target path>            a target's exposition (paths are listed in /sd as __metrics_path__)
//   GET  http://<ip:port><path>   as an HTTP proxy (Prometheus' proxy_url): the pod network behind /sd/kubernetes
//   GET  /truth                   ground truth (truth.ts)
//   GET  /scenarios               active scenarios and the names available
//   POST /scenarios               start one: {"name":"error-spike","edge":"bookinfo/a->bookinfo/b","errorRate":0.5}
//   DELETE /scenarios/<id>        stop one; DELETE /scenarios stops all
//   GET  /prometheus.yml          a Prometheus config scraping this simulator
//   GET  /-/healthy
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { discover, ROLES, type Role } from './kubernetes/discovery';
import type { KubernetesObjects, Served } from './kubernetes/objects';
import type { Mesh } from './model/mesh';
import type { ScrapeTarget } from './model/target';
import { type Exposition, ExpositionWriter } from './render/exposition-writer';
import { prometheusConfig } from './prometheus-config';
import { SCENARIO_NAMES, ScenarioError, type ScenarioRequest, type Scenarios } from './scenarios';
import { truthOf } from './truth';

export interface ServerContext {
  mesh: Mesh;
  kube: KubernetesObjects;
  scenarios: Scenarios;
  now: () => number;
  /** host:port Prometheus should scrape, as written into /sd. */
  address: () => string;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendExposition(res: ServerResponse, body: Exposition, type: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  // Chunks are reused by later scrapes, so they go back only once the socket has taken them all;
  // an aborted response leaves them to the GC rather than risk reuse while a write is pending.
  res.once('finish', body.release);
  res.cork();
  for (const chunk of body.chunks) {
    res.write(chunk);
  }
  res.end();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export function sdDocument(
  targets: readonly ScrapeTarget[],
  address: string
): Array<{ targets: string[]; labels: Record<string, string> }> {
  return targets
    .filter((t) => t.visible())
    .map((t) => ({ targets: [address], labels: { __metrics_path__: t.path, ...t.targetLabels } }));
}

export function createSimulatorServer(ctx: ServerContext): Server {
  const byPath = new Map(ctx.mesh.targets.map((t) => [t.path, t]));
  const json = (res: ServerResponse, status: number, value: unknown) =>
    send(res, status, JSON.stringify(value, null, 1));

  async function scrape(res: ServerResponse, { target, render }: Served): Promise<void> {
    const now = ctx.now();
    ctx.mesh.advanceFor(target, now);
    // Render fully before writing: a failure then becomes a 500, never a truncated exposition.
    const out = new ExpositionWriter();
    try {
      await render(now, out);
    } catch (err) {
      out.finish().release();
      throw err;
    }
    sendExposition(res, out.finish(), target.contentType);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    // A proxied request names its destination in absolute form: http://<pod ip>:<port>/<path>.
    if (/^https?:\/\//.test(req.url ?? '')) {
      const served = ctx.kube.serves.get(`${url.host}${path}`);
      if (!served || !served.target.visible() || req.method !== 'GET') {
        return send(res, 404, `nothing serves ${url.host}${path} in the simulated cluster\n`, 'text/plain');
      }
      return scrape(res, served);
    }
    const target = byPath.get(path);
    if (target && req.method === 'GET') {
      if (!target.visible()) {
        return send(res, 404, 'pod does not exist (scaled to zero)\n', 'text/plain');
      }
      return scrape(res, { target, render: (now, out) => target.render(now, out) });
    }
    if (path === '/sd') {
      return json(res, 200, sdDocument(ctx.mesh.targets, ctx.address()));
    }
    const role = /^\/sd\/kubernetes\/([a-z]+)$/.exec(path)?.[1];
    if (role !== undefined) {
      return (ROLES as readonly string[]).includes(role)
        ? json(res, 200, discover(ctx.kube, role as Role))
        : json(res, 404, { error: `role: must be one of ${ROLES.join(', ')}` });
    }
    if (path === '/truth') {
      const now = ctx.now();
      return json(res, 200, truthOf(ctx.mesh, ctx.scenarios.list(), now));
    }
    if (path === '/prometheus.yml') {
      return send(res, 200, prometheusConfig({ simulatorUrl: `http://${ctx.address()}` }), 'text/yaml');
    }
    if (path === '/-/healthy') {
      return send(res, 200, 'ok\n', 'text/plain');
    }
    if (path === '/scenarios' && req.method === 'GET') {
      return json(res, 200, { available: SCENARIO_NAMES, active: ctx.scenarios.list() });
    }
    if (path === '/scenarios' && req.method === 'POST') {
      let body: ScenarioRequest;
      try {
        body = JSON.parse(await readBody(req)) as ScenarioRequest;
      } catch {
        return json(res, 400, { error: 'body: must be JSON like {"name":"error-spike","edge":"..."}' });
      }
      try {
        return json(res, 201, ctx.scenarios.start(body, ctx.now()));
      } catch (err) {
        if (err instanceof ScenarioError) {
          return json(res, 400, { error: err.message });
        }
        throw err;
      }
    }
    if (path === '/scenarios' && req.method === 'DELETE') {
      ctx.scenarios.clear(ctx.now());
      return json(res, 200, { active: [] });
    }
    const del = /^\/scenarios\/(\d+)$/.exec(path);
    if (del && req.method === 'DELETE') {
      const stopped = ctx.scenarios.stop(Number(del[1]), ctx.now());
      return json(res, stopped ? 200 : 404, { active: ctx.scenarios.list() });
    }
    return send(res, 404, 'not found\n', 'text/plain');
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        send(res, 500, `simulator error: ${(err as Error).message}\n`, 'text/plain');
      } else {
        res.destroy();
      }
    });
  });
}
