/** CPU, memory and Go runtime panels of a mesh component, shared by Control Plane, Performance, Ztunnel and Wasm. */
import type { Component, ComponentQueries, PodScope } from '../queries/components';
import { type PanelBuilder, timeseries } from '../panels/kinds';
import { UNITS } from '../panels/units';

/**
 * Per pod for small components; the `top` largest pods only for proxies, so panels do not grow with the mesh.
 * `scope`: some of the component's pods only (components.ts PodScope).
 */
export function resourcePanels(
  c: ComponentQueries,
  component: Component,
  name: string,
  width: number,
  top?: number,
  scope?: PodScope
): PanelBuilder[] {
  const pod = c.podLabel;
  const perPod = (expr: string) => (top === undefined ? expr : c.topPods(top, expr));
  const which = top === undefined ? 'per pod' : `for the ${top} largest pods`;
  const panels = [
    timeseries({
      title: `${name} memory`,
      description: `Working-set memory of ${name} containers ${which} (cAdvisor container_memory_working_set_bytes), and their total.`,
      unit: UNITS.bytes,
      targets: [
        { expr: perPod(c.memory(component, [pod], scope)), legend: `{{${pod}}}` },
        { expr: c.memory(component, [], scope), legend: 'total' },
      ],
      width,
    }),
    timeseries({
      title: `${name} vCPU`,
      description: `CPU cores used by ${name} containers ${which} (rate of cAdvisor container_cpu_usage_seconds_total), and their total.`,
      unit: UNITS.cores,
      targets: [
        { expr: perPod(c.cpu(component, [pod], scope)), legend: `{{${pod}}}` },
        { expr: c.cpu(component, [], scope), legend: 'total' },
      ],
      width,
    }),
  ];
  if (component === 'istiod') {
    panels.push(
      bytesAndCount(
        c,
        'istiod Go heap and goroutines',
        'Go heap in use (go_memstats_heap_alloc_bytes) and goroutines (go_goroutines) per istiod pod; a steady climb is a leak.',
        ['heap', 'go_memstats_heap_alloc_bytes'],
        ['goroutines', 'go_goroutines'],
        width
      ),
      bytesAndCount(
        c,
        'istiod process',
        'Resident memory (process_resident_memory_bytes) and open file descriptors (process_open_fds) per istiod pod, as the process itself reports them.',
        ['RSS', 'process_resident_memory_bytes'],
        ['fds', 'process_open_fds'],
        width
      )
    );
  }
  return panels;
}

type Line = [legend: string, metric: string];

/** Two gauges istiod reports, per pod: the first in bytes, the second a count on a right-hand axis. */
function bytesAndCount(
  c: ComponentQueries,
  title: string,
  description: string,
  [bytesLegend, bytesMetric]: Line,
  [countLegend, countMetric]: Line,
  width: number
) {
  const pod = c.podLabel;
  return timeseries({
    title,
    description,
    unit: UNITS.bytes,
    targets: [
      { expr: c.gauge('istiod', bytesMetric, [pod]), legend: `${bytesLegend} {{${pod}}}` },
      { expr: c.gauge('istiod', countMetric, [pod]), legend: `${countLegend} {{${pod}}}` },
    ],
    width,
  }).overrideByRegexp(`^${countLegend}`, [
    { id: 'unit', value: UNITS.count },
    { id: 'custom.axisPlacement', value: 'right' },
  ]);
}
