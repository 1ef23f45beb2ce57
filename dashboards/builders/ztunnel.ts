import type { Traffic } from '../queries/istio';
import { timeseries } from '../panels/kinds';
import { named } from '../panels/targets';
import { UNITS } from '../panels/units';
import type { DashboardBody } from './assemble';
import { resourcePanels } from './resources';
import type { Context } from './traffic';

/** Ambient's node proxy: versions, resources, L4 traffic per workload pair, xDS and workload manager. */
export function ztunnelDashboard(ctx: Context): DashboardBody {
  const { istio, components: c } = ctx;
  // Each hop between two ambient pods is reported by both ztunnels; count it once (destination preferred). Through a
  // waypoint ztunnel carries two hops, client → waypoint and waypoint → server: this is ztunnel's load, so both count.
  const l4: Traffic = { side: 'once', scope: 'ztunnel' };
  const pairs: Traffic = { ...l4, by: ['source_workload', 'destination_workload'] };
  return {
    description:
      'ztunnel (ambient mode): versions, resources, connections and bytes per workload pair, DNS, xDS and proxies managed.',
    tags: ['ztunnel', 'ambient'],
    variables: [],
    sections: [
      {
        title: 'Process',
        panels: [
          timeseries({
            title: 'ztunnel versions',
            description: 'Running ztunnels per version (istio_build, component="ztunnel").',
            unit: UNITS.count,
            targets: [{ expr: c.versions(['ztunnel']), legend: '{{tag}}' }],
            width: 8,
          }),
          ...resourcePanels(c, 'ztunnel', 'ztunnel', 8),
        ],
      },
      {
        title: 'Network',
        panels: [
          timeseries({
            title: 'Connections',
            description:
              'TCP connections opened and closed per second through ztunnel, each hop counted once (rates, so restarts do not skew them as opened−closed on raw counters did).',
            unit: UNITS.connectionsPerSecond,
            targets: named({
              opened: istio.tcp('istio_tcp_connections_opened_total', l4),
              closed: istio.tcp('istio_tcp_connections_closed_total', l4),
            }),
            width: 8,
          }),
          timeseries({
            title: 'Bytes transmitted',
            description:
              'Bytes per second through ztunnel: received from clients (request direction) and sent back (response direction), each hop counted once: through a waypoint, the legs to it and from it are two hops.',
            unit: UNITS.bytesPerSecond,
            targets: named({
              received: istio.tcp('istio_tcp_received_bytes_total', l4),
              sent: istio.tcp('istio_tcp_sent_bytes_total', l4),
            }),
            width: 8,
          }),
          timeseries({
            title: 'DNS requests',
            description: 'DNS requests per second ztunnel proxied (istio_dns_requests_total), when DNS capture is on.',
            unit: UNITS.operationsPerSecond,
            targets: [{ expr: c.counterRate('ztunnel', 'istio_dns_requests_total'), legend: 'DNS' }],
            width: 8,
          }),
          timeseries({
            title: 'L4 traffic by workload pair',
            description:
              "Bytes per second between workload pairs through ztunnel (sent, response direction), each hop counted once; traffic through a waypoint shows as its two legs, client → waypoint and waypoint → server. The per-workload L4 view Istio's ztunnel dashboard lacks.",
            unit: UNITS.bytesPerSecond,
            targets: [
              {
                expr: `topk(20, ${istio.tcp('istio_tcp_sent_bytes_total', pairs)})`,
                legend: '{{source_workload}} → {{destination_workload}}',
              },
            ],
            width: 24,
          }),
        ],
      },
      {
        title: 'Operations',
        panels: [
          timeseries({
            title: 'xDS connection terminations',
            description:
              'xDS connections to istiod ended per second by reason (istio_xds_connection_terminations_total).',
            unit: UNITS.operationsPerSecond,
            targets: [
              {
                expr: c.counterRate('ztunnel', 'istio_xds_connection_terminations_total', ['reason']),
                legend: '{{reason}}',
              },
            ],
            width: 8,
          }),
          timeseries({
            title: 'xDS messages by type',
            description:
              'xDS messages received per second by type URL (istio_xds_message_total): workload addresses, authorizations.',
            unit: UNITS.operationsPerSecond,
            targets: [{ expr: c.counterRate('ztunnel', 'istio_xds_message_total', ['url']), legend: '{{url}}' }],
            width: 8,
            stacked: true,
          }),
          timeseries({
            title: 'Workload manager',
            description:
              'Pods whose traffic ztunnel proxies: active and still pending (workload_manager_active_proxy_count, workload_manager_pending_proxy_count).',
            unit: UNITS.count,
            targets: [
              { expr: c.gauge('ztunnel', 'workload_manager_active_proxy_count'), legend: 'active' },
              { expr: c.gauge('ztunnel', 'workload_manager_pending_proxy_count'), legend: 'pending' },
            ],
            width: 8,
          }),
          timeseries({
            title: 'Open file descriptors',
            description:
              'File descriptors open in ztunnel processes (process_open_fds): sockets mostly, so a leak shows here first.',
            unit: UNITS.count,
            targets: [{ expr: c.gauge('ztunnel', 'process_open_fds', [c.podLabel]), legend: `{{${c.podLabel}}}` }],
            width: 24,
          }),
        ],
      },
    ],
  };
}
