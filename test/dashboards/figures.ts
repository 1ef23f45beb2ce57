// The figures of the Workload, Gateway, Ztunnel and Control Plane dashboards against the simulator's /truth, per
// edge where a panel breaks traffic down by edge: request rates and success within 2 %, the error share within 1
// point, latency percentiles in the Envoy bucket that holds the true one (histogram_quantile interpolates inside
// it, so closer than the bucket cannot be asked), give or take a point of rank (RANK_SLACK). Registered by prometheus.test.ts once per scrape setup, on that
// setup's Prometheus.
import type { EdgeTruth, Truth } from '../../simulator';
import { bucketOf } from '../../simulator/truth';
import { logNormal, quantile } from '../../simulator/util/distribution';
import { DEFAULT_CONFIG } from '../../dashboards';

export interface Series {
  metric: Record<string, string>;
  value: number;
}

export interface FigureContext {
  truth(): Truth;
  /** Series of a panel target at the test's instant, the dashboard's default variables overridden by `vars`. */
  rows(uid: string, title: string, vars?: Record<string, string>, refId?: string): Promise<Series[]>;
  /** The rate window the queries are given, in seconds. */
  windowS: number;
}

/** Passes when `ok` is true; otherwise the failure shows every figure beside it. */
const expectOk = (r: Record<string, unknown> & { ok: boolean }) => expect(r).toEqual({ ...r, ok: true });
const within2 = (actual: number, expected: number) => expected > 0 && Math.abs(actual / expected - 1) <= 0.02;
const sum = (edges: EdgeTruth[], f: (e: EdgeTruth) => number) => edges.reduce((s, e) => s + f(e), 0);
const http = (e: EdgeTruth) => e.protocol !== 'tcp';
const caller = (e: EdgeTruth) => e.source?.workload ?? 'unknown';

/**
 * Rank slack of a percentile: each series' bucket counts are whole requests (simulator/model/accumulators.ts), so
 * over a window a bucket's share of an edge's requests is off by a few counts in a few hundred. A percentile whose
 * true value sits just under a bound (p99 229 ms against the 250 ms bound, 0.15 % of requests apart) may therefore
 * land in the next bucket; one point of rank either way covers that.
 */
const RANK_SLACK = 0.01;

/** The Envoy buckets histogram_quantile may answer from for quantile q of an edge: those holding q ± RANK_SLACK. */
function allowed(e: EdgeTruth, q: number): [number, number] {
  const d = logNormal(e.latencyMs!.p50, e.latencyMs!.p90);
  return [bucketOf(quantile(d, q - RANK_SLACK))[0], bucketOf(quantile(d, Math.min(q + RANK_SLACK, 0.9999)))[1]];
}

/** The percentiles a latency panel draws, by refId, each in the buckets allowed around the true one. */
async function expectLatency(
  ctx: FigureContext,
  uid: string,
  title: string,
  vars: Record<string, string>,
  pick: (s: Series) => boolean,
  e: EdgeTruth,
  refIds: Record<string, number>
) {
  for (const [refId, q] of Object.entries(refIds)) {
    const v = (await ctx.rows(uid, title, vars, refId)).find(pick)?.value ?? NaN;
    const [lower, upper] = allowed(e, q);
    expectOk({ edge: e.id, title, q, v, lower, upper, ok: v > lower && v <= upper });
  }
}

export function figureTests(ctx: FigureContext): void {
  test('Workload: inbound by caller (rate, success, error share, p50/p90/p99) equals /truth per edge, gRPC status counted', async () => {
    const { edges } = ctx.truth();
    // Served edges: some serving-side proxy (sidecar or waypoint) reported them.
    const served = edges.filter((e) => e.destination && http(e) && e.reporters.some((r) => r !== 'source'));
    const workloads = new Set(served.map((e) => `${e.destination!.namespace}/${e.destination!.workload}`));
    let grpcFailures = 0;
    for (const w of workloads) {
      const [namespace, workload] = w.split('/');
      const vars = { namespace, workload };
      const into = served.filter((e) => e.destination!.namespace === namespace && e.destination!.workload === workload);
      const rates = await ctx.rows('meshscope-workload', 'Requests by caller and response code', vars);
      const success = await ctx.rows('meshscope-workload', 'Success rate by caller', vars);
      for (const e of into) {
        const of = (s: Series) => s.metric.source_workload === caller(e);
        const rate = rates.filter(of).reduce((s, r) => s + r.value, 0);
        expectOk({ edge: e.id, rate, truth: e.rate, ok: within2(rate, e.rate) });
        const ok = success.find(of)?.value ?? NaN;
        expectOk({ edge: e.id, success: ok, ok: within2(ok, 1 - e.errorShare) });
        expectOk({ edge: e.id, errors: 1 - ok, ok: Math.abs(1 - ok - e.errorShare) <= 0.01 });
        await expectLatency(ctx, 'meshscope-workload', 'Latency by caller', vars, of, e, {
          A: 0.5,
          B: 0.9,
          C: 0.99,
        });
        grpcFailures += e.protocol === 'grpc' && e.errorShare > e.http5xxShare + 0.01 ? 1 : 0;
      }
      const total = (await ctx.rows('meshscope-workload', 'Requests', vars))[0]?.value ?? NaN;
      expectOk({
        w,
        total,
        ok: within2(
          total,
          sum(into, (e) => e.rate)
        ),
      });
    }
    // A gRPC edge whose failures travel as grpc-status over HTTP 200 was among them, so that rule was exercised.
    expect(grpcFailures).toBeGreaterThan(0);
  });

  test('Workload: outbound by destination service (rate, success) equals /truth', async () => {
    const { edges } = ctx.truth();
    const sent = edges.filter((e) => e.source && e.destination && http(e) && e.reporters.length > 0);
    const workloads = new Set(sent.map((e) => `${e.source!.namespace}/${e.source!.workload}`));
    for (const w of workloads) {
      const [namespace, workload] = w.split('/');
      const vars = { namespace, workload };
      const out = sent.filter((e) => e.source!.namespace === namespace && e.source!.workload === workload);
      const rates = await ctx.rows('meshscope-workload', 'Requests by destination service and response code', vars);
      const success = await ctx.rows('meshscope-workload', 'Success rate by destination service', vars);
      for (const service of new Set(out.map((e) => e.destination!.service))) {
        const to = out.filter((e) => e.destination!.service === service);
        const of = (s: Series) => s.metric.destination_service === service;
        const rate = rates.filter(of).reduce((s, r) => s + r.value, 0);
        const truth = sum(to, (e) => e.rate);
        expectOk({ w, service, rate, truth, ok: within2(rate, truth) });
        const ok = success.find(of)?.value ?? NaN;
        const trueOk = 1 - sum(to, (e) => e.rate * e.errorShare) / truth;
        expectOk({ w, service, success: ok, ok: within2(ok, trueOk) });
      }
    }
  });

  test('Gateway: requests, success and per-host rate, success and latency equal /truth', async () => {
    const gateways = new RegExp(`^(?:${DEFAULT_CONFIG.gatewayWorkloads})$`);
    const through = ctx
      .truth()
      .edges.filter((e) => e.source && gateways.test(e.source.workload) && http(e) && e.reporters.includes('source'));
    expect(through.length).toBeGreaterThan(0);
    const rate = sum(through, (e) => e.rate);
    const total = (await ctx.rows('meshscope-gateway', 'Requests'))[0]?.value ?? NaN;
    expectOk({ total, rate, ok: within2(total, rate) });
    const success = (await ctx.rows('meshscope-gateway', 'Success rate'))[0]?.value ?? NaN;
    const trueOk = 1 - sum(through, (e) => e.rate * e.errorShare) / rate;
    expectOk({ success, trueOk, ok: within2(success, trueOk) });
    const hostRates = await ctx.rows('meshscope-gateway', 'Hosts behind the gateways', {}, 'A');
    const hostSuccess = await ctx.rows('meshscope-gateway', 'Hosts behind the gateways', {}, 'E');
    for (const host of new Set(through.map((e) => e.destination?.service ?? e.egress!.host))) {
      const to = through.filter((e) => (e.destination?.service ?? e.egress?.host) === host);
      const of = (s: Series) => s.metric.destination_service === host;
      const r = hostRates.find(of)?.value ?? NaN;
      expectOk({
        host,
        r,
        ok: within2(
          r,
          sum(to, (e) => e.rate)
        ),
      });
      const ok = hostSuccess.find(of)?.value ?? NaN;
      const hostOk = 1 - sum(to, (e) => e.rate * e.errorShare) / sum(to, (e) => e.rate);
      expectOk({ host, success: ok, ok: within2(ok, hostOk) });
      if (to.length === 1) {
        await expectLatency(ctx, 'meshscope-gateway', 'Hosts behind the gateways', {}, of, to[0], {
          B: 0.5,
          C: 0.9,
          D: 0.99,
        });
      }
    }
  });

  test("Ztunnel: bytes each way and bytes per workload pair equal /truth over ztunnel's hops, a waypoint's two legs apart", async () => {
    const carried = ctx.truth().edges.filter((e) => e.tcp !== null && e.ztunnelHops.length > 0);
    expect(carried.some((e) => e.ztunnelHops.length === 2)).toBe(true);
    const [received] = await ctx.rows('meshscope-ztunnel', 'Bytes transmitted', {}, 'A');
    const [sent] = await ctx.rows('meshscope-ztunnel', 'Bytes transmitted', {}, 'B');
    const trueReceived = sum(carried, (e) => e.ztunnelHops.length * e.tcp!.receivedBytesPerSecond);
    const trueSent = sum(carried, (e) => e.ztunnelHops.length * e.tcp!.sentBytesPerSecond);
    expectOk({ received: received?.value, trueReceived, ok: within2(received?.value, trueReceived) });
    expectOk({ sent: sent?.value, trueSent, ok: within2(sent?.value, trueSent) });
    // Per pair as ztunnel names them: a waypoint's leg to a server carries every caller's bytes through it.
    const truePairs = new Map<string, number>();
    for (const e of carried) {
      for (const hop of e.ztunnelHops) {
        const pair = `${hop.source} → ${hop.destination}`;
        truePairs.set(pair, (truePairs.get(pair) ?? 0) + e.tcp!.sentBytesPerSecond);
      }
    }
    const pairs = await ctx.rows('meshscope-ztunnel', 'L4 traffic by workload pair');
    for (const [pair, bytes] of truePairs) {
      const row = pairs.find((s) => `${s.metric.source_workload} → ${s.metric.destination_workload}` === pair);
      expectOk({ pair, sent: row?.value, bytes, ok: within2(row?.value ?? NaN, bytes) });
    }
  });

  test('Control Plane: connected proxies, services known, push triggers and convergences equal /truth', async () => {
    const { istiods } = ctx.truth();
    const proxies = istiods.reduce((n, i) => n + i.proxies, 0);
    const xds = await ctx.rows('meshscope-control-plane', 'Connected proxies', {}, 'A');
    expect(xds.reduce((n, s) => n + s.value, 0)).toBe(proxies);
    // The proxies' own view: each holds one connection to istiod's xds-grpc cluster.
    const [held] = await ctx.rows('meshscope-control-plane', 'Connected proxies', {}, 'B');
    expect(held?.value).toBe(proxies);
    const [services] = await ctx.rows('meshscope-control-plane', 'Services known');
    expect(services?.value).toBe(Math.max(...istiods.map((i) => i.services)));
    const [virtual] = await ctx.rows('meshscope-control-plane', 'Virtual services known');
    expect(virtual?.value).toBe(Math.max(...istiods.map((i) => i.virtualServices)));
    // Pushes come whole: a window holds one push more or less than its span, beyond the 2 %.
    const pushes = istiods.reduce((n, i) => n + i.pushTriggersPerSecond, 0);
    const tolerance = 0.02 + istiods.length / (pushes * ctx.windowS);
    const triggers = await ctx.rows('meshscope-control-plane', 'Config events and push triggers', {}, 'C');
    const triggered = triggers.reduce((n, s) => n + s.value, 0);
    expectOk({ triggered, pushes, ok: Math.abs(triggered / pushes - 1) <= tolerance });
    const convergence = await ctx.rows('meshscope-control-plane', 'Proxy convergence');
    const converged = convergence.find((s) => s.metric.le === '+Inf')?.value ?? NaN;
    const trueConverged = istiods.reduce((n, i) => n + i.convergencesPerSecond, 0);
    expectOk({ converged, trueConverged, ok: Math.abs(converged / trueConverged - 1) <= tolerance });
  });
}
