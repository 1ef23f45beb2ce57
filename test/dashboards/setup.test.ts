// The Setup check (meshscope-setup) against real Prometheus servers scraping the simulator, one per setup: a clean
// one, where every findings panel is empty and the inventory equals what /sd lists, and one per planted fault (ztunnel
// not scraped, no cluster label, proxies scraped by two jobs, proxies scraped too slowly for the rate windows, a
// custom metric configured but absent), where the finding names the component, label, jobs and field to fix; and one
// storing `le` as Prometheus 3 does, where every latency bucket still reads as under Prometheus 2.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboards, validateConfig } from '../../dashboards';
import { NOTHING_FOUND } from '../../dashboards/builders/setup';
import { ISTIO_DURATION_BUCKETS_MS, type MeshscopeConfig } from '../../dashboards/config/types';
import { IstioQueries, type Traffic } from '../../dashboards/queries/istio';
import { type Simulator, startSimulator } from '../../simulator';
import { findPrometheusBinary, type Prometheus, startPrometheus } from '../helpers/prometheus';
import { SETUP_JOBS, SETUP_NAMES, type SetupComponent, setupConfig } from '../helpers/setups';
import { type AnyPanel, panelByTitle, panelsOf, substitute } from './walk';

/** Grafana's $__rate_interval for a 1 s data-source scrape interval and a short range: 4 × 1 s, plus a step. */
const WINDOW = '5s';
/** The proxies' scrape interval in the slow setup: one sample in each window at most. */
const SLOW = '6s';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The default selectors, which name no job, with windows for a 1 s scrape. */
const CONFIG = { install: { scrapeInterval: '1s' }, recording: { window: WINDOW } };
const setupOf = (config: MeshscopeConfig): Dashboard =>
  buildDashboards(config).find((d) => d.uid === 'meshscope-setup')!;

/** A prometheus.yml of scrape jobs on the simulator's /sd, each with its own relabelling. */
function scrapeJobs(
  sd: string,
  jobs: Array<{ name: string; interval?: string; relabel?: string[]; metricRelabel?: string[] }>
): string {
  const lines = ['global:', '  scrape_interval: 1s', '  evaluation_interval: 1s', 'scrape_configs:'];
  for (const j of jobs) {
    lines.push(`  - job_name: ${j.name}`);
    if (j.interval) {
      lines.push(`    scrape_interval: ${j.interval}`);
    }
    lines.push('    http_sd_configs:', `      - url: ${sd}`, '        refresh_interval: 1s');
    if (j.relabel) {
      lines.push('    relabel_configs:', ...j.relabel.map((l) => `      ${l}`));
    }
    if (j.metricRelabel) {
      lines.push('    metric_relabel_configs:', ...j.metricRelabel.map((l) => `      ${l}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

const PROXY_PATH = ['source_labels: [__metrics_path__]', '  regex: .*/stats/prometheus'];
/**
 * `le` rewritten as Prometheus 3 stores it (its FormatOpenMetricsFloat, Go's 'g' formatting): integer bounds below
 * 1e6 gain ".0", Istio's two bounds from 1e6 up take an exponent. Written out here, not computed by the code under test.
 */
const PROMETHEUS_3_LE = [
  ['([0-9]{1,6})', '${1}.0'],
  ['1800000', '1.8e+06'],
  ['3600000', '3.6e+06'],
].flatMap(([regex, replacement]) => [
  '- source_labels: [le]',
  `  regex: "${regex}"`,
  '  target_label: le',
  `  replacement: "${replacement}"`,
]);

describe('Setup check against real Prometheus servers scraping the simulator', () => {
  let sim: Simulator;
  const proms = new Map<string, Prometheus>();
  /** When each setup's Prometheus is read. */
  const ats = new Map<string, number>();

  beforeAll(async () => {
    findPrometheusBinary('prometheus');
    sim = await startSimulator({ seed: 5 });
    const sd = `${sim.url}/sd`;
    const setups: Record<string, string> = {
      clean: scrapeJobs(sd, [{ name: 'sd' }]),
      noZtunnel: scrapeJobs(sd, [
        { name: 'sd', relabel: ['- source_labels: [app]', '  regex: ztunnel', '  action: drop'] },
      ]),
      noCluster: scrapeJobs(sd, [{ name: 'sd', relabel: ['- action: labeldrop', '  regex: cluster'] }]),
      // A PodMonitor beside annotation scraping, as while migrating; it also normalises le as Prometheus 3 does.
      twice: scrapeJobs(sd, [
        { name: 'sd' },
        {
          name: 'envoy-stats',
          relabel: [
            `- ${PROXY_PATH[0]}`,
            PROXY_PATH[1],
            '  action: keep',
            '- target_label: job',
            '  replacement: monitoring/envoy-stats-monitor',
          ],
          metricRelabel: PROMETHEUS_3_LE,
        },
      ]),
      prometheus3: scrapeJobs(sd, [{ name: 'sd', metricRelabel: PROMETHEUS_3_LE }]),
      slowProxies: scrapeJobs(sd, [
        { name: 'sd', relabel: [`- ${PROXY_PATH[0]}`, PROXY_PATH[1], '  action: drop'] },
        {
          name: 'proxies',
          interval: SLOW,
          relabel: [
            `- ${PROXY_PATH[0]}`,
            PROXY_PATH[1],
            '  action: keep',
            '- target_label: job',
            '  replacement: slow-proxies',
          ],
        },
      ]),
    };
    for (const [name, config] of Object.entries(setups)) {
      proms.set(name, await startPrometheus({ config }));
    }
    await Promise.all([...proms.values()].map((p) => p.waitForScrapes(1)));
    await sleep(14_000); // two slow scrapes beyond the window: old enough to be judged
    proms.forEach((_, name) => ats.set(name, Date.now() / 1000));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...proms.values()].map((p) => p.stop()));
    await sim?.close();
  });

  const rows = (setup: string, title: string, config: MeshscopeConfig = validateConfig(CONFIG), refId = 'A') => {
    const t = (panelByTitle(setupOf(config), title).targets ?? []).find((x) => x.refId === refId)!;
    return proms.get(setup)!.query(substitute(String(t.expr), { cluster: '.*' }, WINDOW), ats.get(setup));
  };
  /** A finding's text columns and value, for comparing whole rows. */
  const shown = (r: { metric: Record<string, string>; value: number }, labels: string[]) =>
    ({ ...Object.fromEntries(labels.map((l) => [l, r.metric[l]])), value: r.value }) as Record<string, unknown>;
  const by = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a[key]).localeCompare(String(b[key]));
  const findingsPanels = (d: Dashboard): AnyPanel[] =>
    panelsOf(d).filter((p) =>
      String((p.fieldConfig?.defaults as { noValue?: string } | undefined)?.noValue).startsWith(NOTHING_FOUND)
    );
  const findingsOf = async (setup: string, config = validateConfig(CONFIG)) => {
    const found: Record<string, Array<Record<string, string>>> = {};
    for (const p of findingsPanels(setupOf(config))) {
      for (const t of p.targets ?? []) {
        const r = await proms.get(setup)!.query(substitute(String(t.expr), { cluster: '.*' }, WINDOW), ats.get(setup));
        if (r.length > 0) {
          found[p.title!] = r.map((x) => x.metric);
        }
      }
    }
    return found;
  };

  /** What /sd lists, as the Scraped components table should count it. */
  const truthInventory = () => {
    const gateways = sim.topology.workloads.filter((w) => w.mode === 'gateway').map((w) => w.name);
    const kind = (l: Record<string, string>) =>
      l.__metrics_path__.endsWith('/metrics/cadvisor')
        ? 'cAdvisor'
        : l.container === 'discovery'
          ? 'istiod'
          : l.app === 'ztunnel'
            ? 'ztunnel'
            : l.pod.startsWith('waypoint-')
              ? 'waypoints'
              : gateways.some((g) => l.pod.startsWith(`${g}-`))
                ? 'gateways'
                : 'sidecars';
    const counts: Record<string, number> = {};
    for (const t of sim.targets()) {
      const k = `${kind(t.labels)} ${t.labels.job}`;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  };

  test('clean setup: every findings panel returns nothing (its text says "Nothing found"), and the inventory equals /sd', async () => {
    const d = setupOf(validateConfig(CONFIG));
    expect(findingsPanels(d).map((p) => p.title)).toEqual([
      'Missing components',
      'Missing target labels',
      'Missing metric families',
      'Scraped twice',
      'Rate windows',
      'Custom metrics configured but absent',
    ]);
    expect(await findingsOf('clean')).toEqual({});
    const inventory = await rows('clean', 'Scraped components');
    const counted = Object.fromEntries(inventory.map((r) => [`${r.metric.component} ${r.metric.job}`, r.value]));
    expect(counted).toEqual(truthInventory());
    expect(
      Object.keys(counted)
        .map((k) => k.split(' ')[0])
        .sort()
    ).toEqual(['cAdvisor', 'gateways', 'istiod', 'sidecars', 'waypoints', 'ztunnel'].sort());
    // Prometheus 2 keeps the bounds as exposed.
    const spelling = await rows('clean', 'Bucket bound spelling (le)');
    expect(spelling.map((r) => r.metric.spelling)).toEqual(['as exposed (Prometheus 2): le="250"']);
  });

  test('workloads with extended stats on: those /truth lists, with their pods and the Envoy series Prometheus holds', async () => {
    const truth = sim.truth().proxies;
    expect(truth.length).toBeGreaterThan(0);
    const pods = await rows('clean', 'Workloads with extended stats on');
    const series = await rows('clean', 'Workloads with extended stats on', validateConfig(CONFIG), 'B');
    expect(pods.map((r) => `${r.metric.namespace}/${r.metric.workload}`).sort()).toEqual(
      truth.map((p) => `${p.namespace}/${p.workload}`).sort()
    );
    for (const p of truth) {
      const of = (r: typeof pods) => r.find((x) => x.metric.workload === p.workload)?.value;
      const params = new URLSearchParams({
        'match[]': `{__name__=~"envoy_.+", namespace="${p.namespace}", pod=~"${p.pods.join('|')}"}`,
        start: String(ats.get('clean')! - 2),
        end: String(ats.get('clean')!),
      });
      const held = (
        (await (await fetch(`${proms.get('clean')!.url}/api/v1/series?${params}`)).json()) as { data: unknown[] }
      ).data.length;
      expect({ workload: p.workload, pods: of(pods), series: of(series) }).toEqual({
        workload: p.workload,
        pods: p.pods.length,
        series: held,
      });
    }
  });

  test('ztunnel not scraped: named as not scraped in each cluster running it, with the scrape to add; nothing else', async () => {
    const running = sim.targets().filter((t) => t.labels.app === 'ztunnel');
    const perCluster: Record<string, number> = {};
    running.forEach((t) => (perCluster[t.labels.cluster] = (perCluster[t.labels.cluster] ?? 0) + 1));
    const found = await rows('noZtunnel', 'Missing components');
    expect(found.map((r) => shown(r, ['component', 'cluster', 'job'])).sort(by('cluster'))).toEqual(
      Object.entries(perCluster).map(([cluster, value]) => ({ component: 'ztunnel', cluster, job: undefined, value }))
    );
    expect(found[0].metric.problem).toMatch(/^not scraped/);
    expect(found[0].metric.fix).toMatch(/scrape job for its pods.*selectors\.ztunnel/);
    const all = await findingsOf('noZtunnel');
    expect(Object.keys(all)).toEqual(['Missing components']);
  });

  test('no cluster label: every component and job named with the label and labels.cluster; no component called missing', async () => {
    const found = await rows('noCluster', 'Missing target labels');
    const byComponent = Object.fromEntries(found.map((r) => [r.metric.component, shown(r, ['job', 'label'])]));
    const count = (f: (l: Record<string, string>) => boolean) => sim.targets().filter((t) => f(t.labels)).length;
    expect(byComponent).toEqual({
      istiod: { job: 'kubernetes-pods', label: 'cluster', value: count((l) => l.container === 'discovery') },
      proxies: {
        job: 'kubernetes-pods',
        label: 'cluster',
        value: count((l) => l.__metrics_path__.endsWith('/stats/prometheus')),
      },
      ztunnel: { job: 'kubernetes-pods', label: 'cluster', value: count((l) => l.app === 'ztunnel') },
      cAdvisor: { job: 'kubelet', label: 'cluster', value: count((l) => l.job === 'kubelet') },
    });
    expect(found.every((r) => r.metric.fix.startsWith('labels.cluster '))).toBe(true);
    expect(Object.keys(await findingsOf('noCluster'))).toEqual(['Missing target labels']);
  });

  test('proxies scraped by two jobs: both jobs named with the proxies they share and the selector to narrow; le spelled both ways', async () => {
    const proxies = sim.targets().filter((t) => t.labels.__metrics_path__.endsWith('/stats/prometheus')).length;
    const found = await rows('twice', 'Scraped twice');
    expect(found.map((r) => shown(r, ['component', 'job'])).sort(by('job'))).toEqual([
      { component: 'proxies', job: 'kubernetes-pods', value: proxies },
      { component: 'proxies', job: 'monitoring/envoy-stats-monitor', value: proxies },
    ]);
    expect(found[0].metric.fix).toMatch(/narrow selectors\.proxies to one job/);
    const spelling = await rows('twice', 'Bucket bound spelling (le)');
    expect(spelling.map((r) => r.metric.spelling).sort()).toEqual([
      'as exposed (Prometheus 2): le="250"',
      'normalised (Prometheus 3): le="250.0"',
    ]);
    // Both spellings count the same bounds: Istio's integer bounds (all but 0.5).
    expect(new Set(spelling.map((r) => r.value)).size).toBe(1);
  });

  test("every latency bucket is read where Prometheus 3 stores le normalised ('250.0', '1.8e+06'), as where Prometheus 2 keeps Envoy's text", async () => {
    const q = new IstioQueries(validateConfig(CONFIG));
    const traffic: Traffic = { side: 'server', by: ['destination_service'] };
    const share = async (setup: string, boundMs: number) =>
      new Map(
        (
          await proms
            .get(setup)!
            .query(substitute(q.fasterThan(boundMs, traffic), { cluster: '.*' }, WINDOW), ats.get(setup))
        ).map((r) => [r.metric.destination_service, r.value])
      );
    const stored = await proms.get('prometheus3')!.query('group by (le) (istio_request_duration_milliseconds_bucket)');
    expect(stored.map((r) => r.metric.le)).toEqual(expect.arrayContaining(['0.5', '250.0', '1.8e+06', '3.6e+06']));
    const TOLERANCE = 0.05;
    const mismatches: string[] = [];
    const previous = new Map<string, number>();
    for (const bound of ISTIO_DURATION_BUCKETS_MS) {
      const [prom2, prom3] = [await share('clean', bound), await share('prometheus3', bound)];
      if (prom2.size === 0 || [...prom2.keys()].sort().join() !== [...prom3.keys()].sort().join()) {
        mismatches.push(`le ${bound}: services ${prom2.size} as exposed, ${prom3.size} normalised`);
      }
      for (const [service, value] of prom2) {
        const normalised = prom3.get(service)!;
        // Two servers scraping at their own instants, a few requests per 5 s window: within 5 points. rate()
        // extrapolates each bucket's series by its own first sample (down to zero at most), so a higher bucket can
        // read a little less than a lower one, on both servers alike (CI read 0.983 at le 100 after more at le 50):
        // the same 5 points there. A matcher missing a spelling reads nothing; one matching two buckets reads
        // about twice the right share, well over 1 or over the bucket below.
        const below = previous.get(service) ?? 0;
        if (!(
          Math.abs(normalised - value) <= TOLERANCE &&
          normalised <= 1 + TOLERANCE &&
          normalised >= below - TOLERANCE
        )) {
          mismatches.push(
            `le ${bound} ${service}: ${value} as exposed, ${normalised} normalised, ${below} at the bound below`
          );
        }
        previous.set(service, normalised);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('proxies scraped every 6 s for 5 s windows: the job named for both windows with its fewest samples and the fields to fix', async () => {
    const found = await rows('slowProxies', 'Rate windows');
    expect(found.map((r) => shown(r, ['component', 'job', 'window'])).sort(by('window'))).toEqual([
      { component: 'proxies', job: 'slow-proxies', window: `dashboards (${WINDOW})`, value: 1 },
      { component: 'proxies', job: 'slow-proxies', window: `recording rules (recording.window ${WINDOW})`, value: 1 },
    ]);
    const fixes = found.map((r) => r.metric.fix).sort();
    expect(fixes[0]).toMatch(/^install\.scrapeInterval/);
    expect(fixes[1]).toMatch(/^recording\.window/);
  });

  test('proxies under a job the selector does not match: named per cluster with that job and selectors.proxies', async () => {
    const jobBound = validateConfig({ ...CONFIG, selectors: { proxies: 'job="kubernetes-pods"' } });
    const perCluster: Record<string, number> = {};
    sim
      .targets()
      .filter((t) => t.labels.__metrics_path__.endsWith('/stats/prometheus'))
      .forEach((t) => (perCluster[t.labels.cluster] = (perCluster[t.labels.cluster] ?? 0) + 1));
    const found = await rows('slowProxies', 'Missing components', jobBound);
    expect(found.map((r) => shown(r, ['component', 'cluster', 'job', 'fix'])).sort(by('cluster'))).toEqual(
      Object.entries(perCluster).map(([cluster, value]) => ({
        component: 'proxies',
        cluster,
        job: 'slow-proxies',
        fix: 'selectors.proxies',
        value,
      }))
    );
    expect(found[0].metric.problem).toMatch(/^scraped, but selectors\.proxies matches none/);
  });

  test('a custom metric and dimension configured but absent: each named with its customTelemetry field; present ones not', async () => {
    const config = validateConfig({
      ...CONFIG,
      customTelemetry: {
        metrics: [
          { name: 'istio_requests_total', type: 'counter', description: 'Present: a standard metric.' },
          { name: 'istio_get_calls', type: 'counter', description: 'GET calls.' },
          { name: 'istio_upload_bytes', type: 'histogram', description: 'Upload sizes.' },
        ],
        dimensions: [
          { label: 'upstream_operation', description: 'Operation named by the caller.' },
          { label: 'response_code', description: 'Present: a standard label.' },
        ],
      },
    });
    const found = await rows('clean', 'Custom metrics configured but absent', config);
    expect(found.map((r) => shown(r, ['metric', 'fix'])).sort(by('metric'))).toEqual([
      {
        metric: 'istio_get_calls',
        fix: 'customTelemetry.metrics[1].name, or the Telemetry API resource that should add it',
        value: 1,
      },
      {
        metric: 'istio_requests_total label upstream_operation',
        fix: 'customTelemetry.dimensions[0].label, or the Telemetry API tagOverrides that should add it',
        value: 1,
      },
      {
        metric: 'istio_upload_bytes',
        fix: 'customTelemetry.metrics[2].name, or the Telemetry API resource that should add it',
        value: 1,
      },
    ]);
  });
  /** How the Scraped components table names each component of the setups' table. */
  const KINDS: Record<SetupComponent, string[]> = {
    proxies: ['sidecars', 'gateways', 'waypoints'],
    istiod: ['istiod'],
    ztunnel: ['ztunnel'],
    cadvisor: ['cAdvisor'],
  };
  const NAME: Record<SetupComponent, string> = {
    proxies: 'proxies',
    istiod: 'istiod',
    ztunnel: 'ztunnel',
    cadvisor: 'cAdvisor',
  };

  describe.each(SETUP_NAMES)('on the %s setup, with the default selectors', (setup) => {
    const key = `setup ${setup}`;
    const config = validateConfig(CONFIG);

    beforeAll(async () => {
      const prom = await startPrometheus({ config: setupConfig(setup, sim.url) });
      proms.set(key, prom);
      await prom.waitForScrapes(2);
      await sleep(7_000); // older than the 5 s window: judged by the rate-window check
      ats.set(key, Date.now() / 1000);
    }, 90_000);

    afterAll(async () => {
      await proms.get(key)?.stop();
    });

    test('each job of each component is listed with its /sd target count, or (double) as scraping them twice; nothing else is found', async () => {
      const count = (c: SetupComponent) =>
        sim
          .targets()
          .filter((t) =>
            c === 'cadvisor'
              ? t.labels.job === 'kubelet'
              : c === 'proxies'
                ? t.labels.__metrics_path__.endsWith('/stats/prometheus')
                : c === 'istiod'
                  ? t.labels.container === 'discovery'
                  : t.labels.app === 'ztunnel'
          ).length;
      const inventory = await rows(key, 'Scraped components', config);
      const missed = await rows(key, 'Missing components', config);
      const twice = await rows(key, 'Scraped twice', config);
      const sum = (rs: typeof inventory) => rs.reduce((s, r) => s + r.value, 0);
      const jobs = SETUP_JOBS[setup];
      const wrong: string[] = [];
      for (const [job, components] of Object.entries(jobs)) {
        for (const c of components) {
          const listed = sum(inventory.filter((r) => r.metric.job === job && KINDS[c].includes(r.metric.component)));
          const miss = missed.filter((r) => r.metric.job === job && r.metric.component === NAME[c]);
          const dup = twice.filter((r) => r.metric.job === job && r.metric.component === NAME[c]);
          const scrapedTwice = Object.values(jobs).filter((cs) => cs.includes(c)).length > 1;
          // The default selectors match every setup: a job is listed, or (double) scrapes pods another lists.
          const ok = miss.length === 0 && (listed === count(c) || (scrapedTwice && listed === 0));
          if (!ok || (scrapedTwice && sum(dup) !== count(c))) {
            wrong.push(`${job} ${c}: listed ${listed}, missed ${sum(miss)}, twice ${sum(dup)} of ${count(c)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      // Nothing listed that the setup does not scrape, and double scrapes only where two jobs scrape a component.
      const known = (job: string, component: string) =>
        (jobs[job] ?? []).some((c) => KINDS[c].includes(component) || NAME[c] === component);
      expect(inventory.filter((r) => !known(r.metric.job, r.metric.component)).map((r) => r.metric)).toEqual([]);
      // Every component runs and is scraped: nothing "not scraped" (no job), nothing under a job it has not.
      expect(missed.filter((r) => !known(r.metric.job ?? '', r.metric.component)).map((r) => r.metric)).toEqual([]);
      expect(twice.length > 0).toBe(setup === 'double');
      const found = Object.keys(await findingsOf(key, config)).filter(
        (t) => t !== 'Missing components' && t !== 'Scraped twice'
      );
      expect(found).toEqual([]);
    });
  });
});
