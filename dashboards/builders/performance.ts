import type { Component } from '../queries/components';
import type { Traffic } from '../queries/istio';
import { timeseries } from '../panels/kinds';
import { named } from '../panels/targets';
import { tagged } from '../queries/promql';
import { UNITS } from '../panels/units';
import type { DashboardBody } from './assemble';
import { resourcePanels } from './resources';
import type { Context } from './traffic';

/** The parts of the mesh whose cost is shown, in legend order. */
const COMPONENTS: readonly Component[] = ['proxies', 'ztunnel', 'istiod'];
const perComponent = (query: (k: Component) => string) => Object.fromEntries(COMPONENTS.map((k) => [k, query(k)]));

/**
 * Min interval of the two panels that read every reporter's request series. They show cost trends, and at a 15 s
 * scrape `$__rate_interval` is already 60 s, so a 15 s step would draw each minute four times over with overlapping
 * windows. At a 1 m step the window is 75 s (interval + scrape): the windows still tile the range, so no sample is
 * left out, for about a third of the samples read. `$__rate_interval` stays.
 */
const COST_TREND_MIN_INTERVAL = '1m';

/** What the mesh costs: proxy, ztunnel and istiod CPU and memory, per request and in total. */
export function performanceDashboard(ctx: Context): DashboardBody {
  const { istio, components: c } = ctx;
  const all: Traffic = { side: 'once' };
  const kRps = `(${istio.requests(all)} / 1000)`;
  return {
    description:
      'Resource cost of the mesh: vCPU per 1000 requests per second, CPU and memory of proxies, ztunnel and istiod, bytes moved.',
    tags: ['performance'],
    variables: [],
    sections: [
      {
        title: 'Cost per request',
        panels: [
          timeseries({
            title: 'vCPU per 1k requests/s',
            description:
              'CPU cores used per 1000 requests per second, each request counted once: proxies (sidecars, gateways, waypoints), ztunnel and istiod.',
            unit: UNITS.cores,
            // One target: the de-duplicated mesh request rate is by far the costliest part, so it is
            // computed once and shared by the three components.
            targets: [
              {
                expr: `(${tagged(
                  'component',
                  perComponent((k) => c.cpu(k))
                )}) / on() group_left() ${kRps}`,
                legend: '{{component}}',
              },
            ],
            width: 24,
            minInterval: COST_TREND_MIN_INTERVAL,
          }),
        ],
      },
      {
        // vCPU reads again every proxy's cAdvisor series the cost per request reads, Memory as many more: on load they
        // took the dashboard past half of the samples Istio's whole Performance dashboard reads (bench/dashboards.ts).
        title: 'vCPU and memory in total',
        collapsed: true,
        panels: [
          timeseries({
            title: 'vCPU',
            description: 'CPU cores used in total by proxies, ztunnel and istiod (cAdvisor).',
            unit: UNITS.cores,
            targets: named(perComponent((k) => c.cpu(k))),
            width: 12,
          }),
          timeseries({
            title: 'Memory',
            description: 'Working-set memory in total of proxies, ztunnel and istiod (cAdvisor).',
            unit: UNITS.bytes,
            targets: named(perComponent((k) => c.memory(k))),
            width: 12,
          }),
        ],
      },
      {
        // Counting each request once reads every reporter's series of both histograms, and no query counting the
        // same reads fewer: these two rates cost more than the rest of the dashboard, so they run when opened.
        title: 'Traffic through the proxies',
        collapsed: true,
        panels: [
          timeseries({
            title: 'Bytes through the proxies',
            description:
              'HTTP request and response bytes per second (istio_request_bytes_sum, istio_response_bytes_sum), each request counted once.',
            unit: UNITS.bytesPerSecond,
            targets: named({
              requests: istio.histogramSumRate('istio_request_bytes', all),
              responses: istio.histogramSumRate('istio_response_bytes', all),
            }),
            width: 24,
            minInterval: COST_TREND_MIN_INTERVAL,
          }),
        ],
      },
      {
        title: 'Istio component versions',
        collapsed: true,
        panels: [
          timeseries({
            title: 'Istio components by version',
            description: 'Running instances per component and Istio version (istio_build).',
            unit: UNITS.count,
            targets: [{ expr: c.versions(['proxy', 'pilot', 'ztunnel']), legend: '{{component}} {{tag}}' }],
            width: 24,
          }),
        ],
      },
      {
        title: 'Proxy resource usage (largest 10 pods)',
        collapsed: true,
        panels: resourcePanels(c, 'proxies', 'Proxy', 12, 10),
      },
      { title: 'istiod resource usage', collapsed: true, panels: resourcePanels(c, 'istiod', 'istiod', 6) },
    ],
  };
}
