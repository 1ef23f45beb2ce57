/**
 * Custom telemetry as Istio's docs teach it: Telemetry-API metrics (istio_get_calls) and extra dimensions
 * (upstream_operation) declared in the config get panels broken down the same way as the standard metrics.
 */
import type { Traffic } from '../queries/istio';
import { type PanelBuilder, timeseries } from '../panels/kinds';
import { UNITS } from '../panels/units';
import type { Section } from './assemble';
import type { Breakdown, Context } from './traffic';

export function customPanels(ctx: Context, t: Traffic, b: Breakdown, what: string): PanelBuilder[] {
  const { istio, config } = ctx;
  const tb: Traffic = { ...t, by: b.by };
  const metrics = config.customTelemetry.metrics.map((m) =>
    m.type === 'counter'
      ? timeseries({
          title: `${m.name} ${b.noun}`,
          description: `${m.description} Per second, ${what} ${b.noun}; same reporter rule as istio_requests_total.`,
          unit: m.unit,
          targets: [{ expr: istio.customCounter(m.name, tb), legend: b.legend }],
        })
      : timeseries({
          title: `${m.name} p50 / p99 ${b.noun}`,
          description: `${m.description} Median and 99th percentile, ${what} ${b.noun}.`,
          unit: m.unit,
          targets: [0.5, 0.99].map((q) => ({ expr: istio.quantile(q, m.name, tb), legend: `${b.legend} p${q * 100}` })),
        })
  );
  const dimensions = config.customTelemetry.dimensions.flatMap((d) => [
    timeseries({
      title: `Requests by ${d.label}`,
      description: `${d.description} Requests per second ${what} by ${d.label}.`,
      unit: UNITS.requestsPerSecond,
      targets: [{ expr: istio.requests({ ...t, by: [d.label] }), legend: `{{${d.label}}}` }],
    }),
    timeseries({
      title: `Latency p99 by ${d.label}`,
      description: `${d.description} 99th percentile request duration ${what} by ${d.label}.`,
      unit: UNITS.milliseconds,
      targets: [
        {
          expr: istio.quantile(0.99, 'istio_request_duration_milliseconds', { ...t, by: [d.label] }),
          legend: `{{${d.label}}}`,
        },
      ],
    }),
  ]);
  return [...metrics, ...dimensions];
}

/** The collapsed "Custom telemetry" section, when the config declares custom metrics or dimensions; else none. */
export function customSections(ctx: Context, t: Traffic, b: Breakdown, what: string): Section[] {
  const panels = customPanels(ctx, t, b, what);
  return panels.length === 0 ? [] : [{ title: 'Custom telemetry', collapsed: true, panels }];
}
