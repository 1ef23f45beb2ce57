// Recorded mode against a real Prometheus scraping the simulator with the generated rules loaded: every dashboard
// query that reads Istio traffic gives the same series and values (within 1 %) from the recorded series as from the
// raw counters (and the Proxy internals' series counts from the recorded counts), evaluated at an instant the recording rules ran. The simulator is stopped first: a rule evaluation
// and a scrape landing in the same second would otherwise let the raw query see one sample more than the rule saw.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDashboards, validateConfig } from '../../dashboards';
import { ruleGroups } from '../../dashboards/provisioning/rules';
import { toYaml } from '../../dashboards/provisioning/yaml';
import { startSimulator, type Simulator } from '../../simulator';
import { type InstantSample, type Prometheus, scrapeConfig, startPrometheus } from '../helpers/prometheus';
import { substitute, targetsOf } from '../dashboards/walk';

const WINDOW = '30s';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const raw = validateConfig({ recording: { window: WINDOW } });
const recorded = validateConfig({ recording: { dashboards: true, window: WINDOW } });

/** Variable values: All for multi-valued ones, a busy sidecar service and workload for single-valued ones. */
const VARS = { cluster: '.*', namespace: 'bookinfo', service: 'productpage.bookinfo.svc.cluster.local', workload: 'productpage-v1', gateway: raw.gatewayWorkloads };

const key = (s: InstantSample) => JSON.stringify(Object.entries(s.metric).sort());

describe('recorded mode gives the raw values', () => {
  let sim: Simulator | undefined;
  let prom: Prometheus;
  let dir: string;
  let at: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meshscope-recorded-'));
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, toYaml({ groups: ruleGroups(recorded) }));
    const simulator = await startSimulator({ seed: 7 });
    sim = simulator;
    prom = await startPrometheus({ config: `${scrapeConfig({ sdUrl: `${simulator.url}/sd`, scrapeInterval: '1s' })}rule_files: [${JSON.stringify(rules)}]\n` });
    await prom.waitForScrapes(1);
    await sleep(34_000); // one full rate window of history behind both
    await simulator.close();
    sim = undefined;
    await sleep(3_000); // rules keep evaluating over the now complete data
    at = await prom.queryValue('max(timestamp(workload:istio_requests:rate30s))');
  }, 90_000);

  afterAll(async () => {
    await prom?.stop();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every Istio traffic query of every dashboard: same series, values within 1 %', async () => {
    const pairs = buildDashboards(raw).flatMap((d, i) => {
      const rec = targetsOf(buildDashboards(recorded)[i]);
      return targetsOf(d)
        .map((t, j) => ({ where: `${t.uid} "${t.panel}" ${t.refId}`, raw: substitute(t.expr, VARS, WINDOW), recorded: substitute(rec[j].expr, VARS, WINDOW) }))
        .filter((p) => p.raw !== p.recorded);
    });
    expect(pairs.length).toBeGreaterThan(100);
    // Istio traffic reads workload:istio_* series; the Proxy internals cost panels read the recorded series counts.
    const reads = (p: { recorded: string }) => ['workload:istio_', 'pod:envoy_series:count', 'cluster:istio_proxy_series:count'].some((r) => p.recorded.includes(r));
    expect(pairs.filter((p) => !reads(p) || p.recorded.includes('rate(istio_')).map((p) => p.where)).toEqual([]);
    expect(pairs.filter((p) => p.where.startsWith('meshscope-envoy')).length).toBe(3);
    let compared = 0;
    const mismatches: string[] = [];
    for (const p of pairs) {
      const [a, b] = await Promise.all([prom.query(p.raw, at), prom.query(p.recorded, at)]);
      const bySeries = new Map(b.map((s) => [key(s), s.value]));
      if (a.length !== b.length || a.some((s) => !bySeries.has(key(s)))) {
        mismatches.push(`${p.where}: ${a.length} raw series, ${b.length} recorded`);
        continue;
      }
      for (const s of a) {
        const r = bySeries.get(key(s))!;
        const same = (Number.isNaN(s.value) && Number.isNaN(r)) || Math.abs(s.value - r) <= 0.01 * Math.abs(s.value) + 1e-9;
        compared += s.value !== 0 && Number.isFinite(s.value) ? 1 : 0;
        if (!same) {
          mismatches.push(`${p.where} ${key(s)}: raw ${s.value}, recorded ${r}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });

  test('the per-service SLO ratios are recorded from the same traffic', async () => {
    const errors = await prom.query('service:istio_request_errors:ratio_rate5m', at);
    const slow = await prom.query('service:istio_request_slow:ratio_rate5m', at);
    expect(errors.map((s) => s.metric.destination_service)).toContain(VARS.service);
    expect(slow.every((s) => s.value >= 0 && s.value <= 1)).toBe(true);
    expect(slow.length).toBeGreaterThan(5);
  });
});
