// Each scrape setup (test/helpers/setups.ts) on a real Prometheus against the simulator's Kubernetes discovery: its
// own relabelling finds every Istio component once per job, with the job names and target labels that setup gives,
// and each port answers with what it serves in a cluster (Envoy's :15090 without pilot-agent's families).
import { type Simulator, startSimulator } from '../../simulator';
import { findPrometheusBinary, type Prometheus, startPrometheus } from '../helpers/prometheus';
import {
  type Setup,
  SETUP_JOBS as JOBS,
  SETUP_NAMES,
  setupConfig,
  type SetupComponent as Component,
} from '../helpers/setups';

/** Jobs that scrape Envoy's own :15090 endpoint (http-envoy-prom) rather than pilot-agent's merged :15020. */
const ENVOY_PORT_JOBS: Partial<Record<Setup, string[]>> = {
  meshscope: ['monitoring/istio-proxies'],
  collector: ['otel/mesh-sidecars'],
};

describe('scrape setups against the simulator’s Kubernetes discovery', () => {
  let sim: Simulator;
  /** Pods (nodes for cAdvisor) of each component, from the simulator's ready-made /sd, an independent listing. */
  const expected = {} as Record<Component, Set<string>>;

  beforeAll(async () => {
    findPrometheusBinary('prometheus');
    sim = await startSimulator({ seed: 5 });
    const targets = sim.targets().map((t) => t.labels);
    const pods = (f: (l: Record<string, string>) => boolean) => new Set(targets.filter(f).map((l) => l.pod));
    expected.proxies = pods((l) => l.__metrics_path__.endsWith('/stats/prometheus'));
    expected.ztunnel = pods((l) => l.app === 'ztunnel');
    expected.istiod = pods((l) => l.container === 'discovery');
    expected.cadvisor = new Set(targets.filter((l) => l.job === 'kubelet').map((l) => l.node));
  });

  afterAll(async () => {
    await sim?.close();
  });

  describe.each(SETUP_NAMES)('%s', (setup) => {
    let prom: Prometheus;

    beforeAll(async () => {
      prom = await startPrometheus({ config: setupConfig(setup, sim.url) });
      await prom.waitForScrapes(2);
    }, 90_000);

    afterAll(async () => {
      await prom?.stop();
    });

    test('every target is up and each job scrapes exactly its components, each pod and node once', async () => {
      const targets = await prom.targets();
      expect(targets.filter((t) => t.health !== 'up').map((t) => [t.scrapeUrl, t.lastError])).toEqual([]);
      const scraped: Record<string, string[]> = {};
      for (const t of targets) {
        // The docs' PodMonitor names the pod twice (operator's `pod`, its own `pod_name`); cAdvisor targets are nodes.
        (scraped[t.labels.job] ??= []).push(
          t.labels.pod ?? t.labels.pod_name ?? t.labels.node ?? t.labels.kubernetes_io_hostname
        );
      }
      const want = Object.fromEntries(
        Object.entries(JOBS[setup]).map(([job, components]) => [
          job,
          components.flatMap((c) => [...expected[c]]).sort(),
        ])
      );
      expect(Object.fromEntries(Object.entries(scraped).map(([job, pods]) => [job, pods.sort()]))).toEqual(want);
    });

    test('every target carries cluster and namespace, and pod targets name their pod', async () => {
      const missing = (await prom.targets())
        .filter(
          (t) =>
            !t.labels.cluster ||
            (!t.labels.job.includes('cadvisor') && t.labels.job !== 'kubelet' && !(t.labels.namespace && t.labels.pod))
        )
        .map((t) => t.labels);
      expect(missing).toEqual([]);
    });

    test('proxies answer on the port the setup scrapes: pilot-agent’s families only through :15020', async () => {
      const proxyJobs = Object.entries(JOBS[setup]).filter(([, c]) => c.includes('proxies'));
      for (const [job] of proxyJobs) {
        const agent = await prom.query(`count(istio_agent_go_goroutines{job="${job}"})`);
        const envoy = await prom.query(`count(envoy_server_uptime{job="${job}"})`);
        expect({ job, envoy: envoy[0]?.value }).toEqual({ job, envoy: expected.proxies.size });
        expect({ job, agent: agent[0]?.value }).toEqual({
          job,
          agent: ENVOY_PORT_JOBS[setup]?.includes(job) ? undefined : expected.proxies.size,
        });
      }
    });
  });
});
