/**
 * Instant-query tables (one evaluation each, not a range): per-workload, per-service and TCP tables with
 * drill-down links. Every query of a table groups by the same labels, so Grafana's merge lines rows up
 * (the incumbent's mesh table grouped some columns by service and others not, misaligning rows).
 */
import type { Traffic } from '../queries/istio';
import { type DataLink, type PanelBuilder, table } from '../panels/kinds';
import { UNITS } from '../panels/units';
import { type Context, latencyThresholds, successThresholds } from './traffic';

export interface TableSpec {
  title: string;
  description: string;
  /** Row identity, e.g. destination_workload + destination_workload_namespace. */
  by: string[];
  /** Column header per label. */
  labels: Record<string, string>;
  links: Record<string, DataLink[]>;
}

export function httpTable(ctx: Context, t: Traffic, s: TableSpec): PanelBuilder {
  const { istio, config } = ctx;
  const tb: Traffic = { ...t, by: s.by };
  return table({
    title: s.title,
    description: s.description,
    unit: UNITS.count,
    targets: [
      { expr: istio.requests(tb) },
      { expr: istio.quantile(0.5, 'istio_request_duration_milliseconds', tb) },
      { expr: istio.quantile(0.9, 'istio_request_duration_milliseconds', tb) },
      { expr: istio.quantile(0.99, 'istio_request_duration_milliseconds', tb) },
      { expr: istio.successRatio(tb) },
    ],
    columns: [
      { refId: 'A', header: 'Requests', unit: UNITS.requestsPerSecond },
      { refId: 'B', header: 'p50', unit: UNITS.milliseconds, thresholds: latencyThresholds(config) },
      { refId: 'C', header: 'p90', unit: UNITS.milliseconds, thresholds: latencyThresholds(config) },
      { refId: 'D', header: 'p99', unit: UNITS.milliseconds, thresholds: latencyThresholds(config) },
      { refId: 'E', header: 'Success', unit: UNITS.ratio, thresholds: successThresholds(config) },
    ],
    labels: s.labels,
    links: s.links,
  });
}

export function tcpTable(ctx: Context, t: Traffic, s: TableSpec): PanelBuilder {
  const { istio } = ctx;
  const tb: Traffic = { ...t, by: s.by };
  return table({
    title: s.title,
    description: s.description,
    unit: UNITS.bytesPerSecond,
    targets: [
      { expr: istio.tcp('istio_tcp_received_bytes_total', tb) },
      { expr: istio.tcp('istio_tcp_sent_bytes_total', tb) },
    ],
    columns: [
      { refId: 'A', header: 'Bytes received', unit: UNITS.bytesPerSecond },
      { refId: 'B', header: 'Bytes sent', unit: UNITS.bytesPerSecond },
    ],
    labels: s.labels,
    links: s.links,
  });
}
