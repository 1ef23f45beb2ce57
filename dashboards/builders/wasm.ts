import { timeseries } from '../panels/kinds';
import { UNITS } from '../panels/units';
import { labelVariable } from '../panels/variables';
import type { PodScope } from '../queries/components';
import { selector } from '../queries/promql';
import type { DashboardBody } from './assemble';
import { resourcePanels } from './resources';
import type { Context } from './traffic';

/**
 * Wasm extensions in proxies. Sums over proxies plus the largest per pod, where the incumbent's avg() over all
 * proxies hid the one proxy in trouble.
 */
export function wasmDashboard(ctx: Context): DashboardBody {
  const { components: c } = ctx;
  const pod = c.podLabel;
  const runtimes = ['v8', 'null'];
  // Envoy creates a runtime's stats when it first starts a VM of it: proxies without Wasm have none of these series.
  const vms = `{__name__=~"envoy_wasm_envoy_wasm_runtime_(${runtimes.join('|')})_active"}`;
  const wasmPods: PodScope = {
    matchers: [`${pod}=~"$wasm_pods"`],
    present: selector(vms, c.scrape('proxies')),
  };
  return {
    description: 'Wasm VMs and remote module loading in the proxies, and the resources of the proxies running them.',
    tags: ['wasm', 'extensions'],
    variables: [
      labelVariable({
        name: 'wasm_pods',
        label: 'Pods running Wasm',
        description: 'Pods whose proxies run a Wasm VM in the time range: the resource panels read only their series.',
        metric: vms,
        matchers: c.scrape('proxies'),
        from: pod,
        multi: true,
        allValue: null,
        hidden: true,
      }),
    ],
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
        title: 'Resources of the proxies running Wasm (largest 10 pods)',
        collapsed: true,
        panels: resourcePanels(c, 'proxies', 'Wasm proxy', 12, 10, wasmPods),
      },
    ],
  };
}
