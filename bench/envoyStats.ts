/**
 * What Envoy's extended stats cost (issue 18): series per sidecar workload with the proxyStatsMatcher prefixes on
 * (5 % of the bench mesh's sidecar workloads, bench/dashboards.ts) against off, and the extended series as a share of
 * every series the mesh's proxies export, counted by Prometheus after one scrape of the simulator.
 *
 * A workload's series are its pods' (the simulator names pods `<workload>-<replica set>-<suffix>`, as Deployments
 * do); sidecar workloads are the destinations whose own proxy reports their traffic. The extended stats are Envoy's:
 * what an "on" workload's envoy_* series exceed the mean "off" workload's by, per workload and over the mesh.
 */
import { DEFAULT_CONFIG } from '../dashboards';
import { ENVOY_SERIES, PROXY_SERIES } from '../dashboards/queries/envoy';
import { selector, splitMatchers } from '../dashboards/queries/promql';
import { startSimulator } from '../simulator';
import { scrapeConfig, startPrometheus } from '../test/helpers/prometheus';
import { benchMesh } from './dashboards';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

export async function benchEnvoyStats(): Promise<Record<string, number>> {
  const sim = await startSimulator({ topology: benchMesh(), seed: 1 });
  const prom = await startPrometheus({
    config: scrapeConfig({ sdUrl: `${sim.url}/sd`, scrapeInterval: '5s' }),
    readyTimeoutMs: 60_000,
    // Counting every proxy series of 500 workloads takes minutes when the machine is shared.
    flags: ['--query.timeout=15m'],
  });
  try {
    await prom.waitForScrapes(1, 180_000);
    const { labels } = DEFAULT_CONFIG;
    // The proxies' own scrape, less istiod's and ztunnel's istio_* series.
    const proxies = [
      ...splitMatchers(DEFAULT_CONFIG.selectors.proxies),
      `${labels.container}="${DEFAULT_CONFIG.containers.proxy}"`,
      `${labels.pod}!~"${DEFAULT_CONFIG.ztunnelPods}"`,
    ];
    // One pass over every proxy series, counted per pod and per prefix (envoy_, istio_).
    const by = [labels.cluster, labels.namespace, labels.pod, 'prefix'].join(', ');
    const counted = await prom.query(
      `count by (${by}) (label_replace(${selector(PROXY_SERIES, proxies)}, "prefix", "$1", "__name__", "(envoy|istio)_.*"))`
    );
    const truth = sim.truth();
    const on = new Set(truth.proxies.map((p) => `${p.namespace}/${p.workload}`));
    const sidecars = new Set(
      truth.edges
        .filter((e) => e.destination && e.reporters.includes('destination'))
        .map((e) => `${e.destination!.namespace}/${e.destination!.workload}`)
    );
    const byWorkload = (prefixes: string[]) => {
      const sums = new Map<string, number>();
      for (const { metric, value } of counted.filter((c) => prefixes.includes(c.metric.prefix))) {
        const key = `${metric[labels.namespace]}/${metric[labels.pod].split('-').slice(0, -2).join('-')}`;
        if (sidecars.has(key)) {
          sums.set(key, (sums.get(key) ?? 0) + value);
        }
      }
      const entries = [...sums];
      return {
        on: entries.filter(([k]) => on.has(k)).map(([, v]) => v),
        off: entries.filter(([k]) => !on.has(k)).map(([, v]) => v),
      };
    };
    const series = byWorkload(['envoy', 'istio']);
    const envoy = byWorkload(['envoy']);
    if (series.on.length === 0 || series.off.length === 0) {
      throw new Error(
        `envoy stats bench: ${series.on.length} workloads with the extended stats on, ${series.off.length} off; both are needed`
      );
    }
    const total = counted.reduce((a, c) => a + c.value, 0);
    // The extended stats are Envoy's: what an "on" workload's Envoy series exceed the mean "off" workload's by.
    const added = mean(envoy.on) - mean(envoy.off);
    return {
      workloads_on: series.on.length,
      workloads_off: series.off.length,
      series_per_workload_on: round(mean(series.on)),
      series_per_workload_off: round(mean(series.off)),
      envoy_series_per_workload_on: round(mean(envoy.on)),
      envoy_series_per_workload_off: round(mean(envoy.off)),
      added_per_workload: round(added),
      added_share_of_workload_series: round(added / mean(series.off), 3),
      proxy_series_total: total,
      extended_series: Math.round(added * envoy.on.length),
      extended_share_of_proxy_series: round((added * envoy.on.length) / total, 4),
    };
  } finally {
    await prom.stop();
    await sim.close();
  }
}
