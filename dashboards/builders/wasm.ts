import { ComponentQueries } from '../queries/components';
import { timeseries } from '../panels/kinds';
import { UNITS } from '../panels/units';
import type { DashboardBody } from './assemble';
import { resourcePanels } from './resources';
import type { Context } from './traffic';

/**
 * Wasm extensions in proxies. Sums over proxies plus the largest per pod, where the incumbent's avg() over all
 * proxies hid the one proxy in trouble.
 */
export function wasmDashboard(ctx: Context): DashboardBody {
  const { config } = ctx;
  const c = new ComponentQueries(config);
  const pod = c.podLabel;
  const runtimes = ['v8', 'null'];
  return {
    description: 'Wasm VMs and remote module loading in the proxies, and the resources of the proxies running them.',
    tags: ['wasm', 'extensions'],
    variables: [],
    sections: [
      {
        title: 'Wasm VMs',
        panels: [
          timeseries({
            title: 'Active VMs',
            description:
              'Wasm VMs alive in all proxies per runtime (envoy_wasm_envoy_wasm_runtime_<runtime>_active), and the proxy with most.',
            unit: UNITS.count,
            targets: [
              ...runtimes.map((r) => ({
                expr: c.gauge('proxies', `envoy_wasm_envoy_wasm_runtime_${r}_active`),
                legend: r,
              })),
              {
                expr: `topk(1, ${c.gauge('proxies', 'envoy_wasm_envoy_wasm_runtime_v8_active', [pod])})`,
                legend: `most: {{${pod}}}`,
              },
            ],
          }),
          timeseries({
            title: 'VMs created',
            description:
              'Wasm VMs created per second per runtime (rate of envoy_wasm_envoy_wasm_runtime_<runtime>_created): a steady rate means VMs keep being recreated.',
            unit: UNITS.operationsPerSecond,
            targets: runtimes.map((r) => ({
              expr: c.counterRate('proxies', `envoy_wasm_envoy_wasm_runtime_${r}_created`),
              legend: r,
            })),
          }),
        ],
      },
      {
        title: 'Wasm module remote load',
        panels: [
          timeseries({
            title: 'Cache entries',
            description:
              "Wasm modules held in the proxies' remote-load caches (envoy_wasm_remote_load_cache_entries), summed.",
            unit: UNITS.count,
            targets: [{ expr: c.gauge('proxies', 'envoy_wasm_remote_load_cache_entries'), legend: 'entries' }],
            width: 8,
          }),
          timeseries({
            title: 'Cache lookups',
            description:
              'Remote-load cache hits, misses and negative hits per second (envoy_wasm_remote_load_cache_*).',
            unit: UNITS.operationsPerSecond,
            targets: ['hits', 'misses', 'negative_hits'].map((k) => ({
              expr: c.counterRate('proxies', `envoy_wasm_remote_load_cache_${k}`),
              legend: k.replace('_', ' '),
            })),
            width: 8,
          }),
          timeseries({
            title: 'Remote fetches',
            description:
              'Module fetches per second that succeeded or failed (envoy_wasm_remote_load_fetch_successes, _failures).',
            unit: UNITS.operationsPerSecond,
            targets: ['successes', 'failures'].map((k) => ({
              expr: c.counterRate('proxies', `envoy_wasm_remote_load_fetch_${k}`),
              legend: k,
            })),
            width: 8,
          }),
        ],
      },
      {
        title: 'Proxy resource usage (largest 10 pods)',
        collapsed: true,
        panels: resourcePanels(c, 'proxies', 'Proxy', 12, 10),
      },
    ],
  };
}
