import { PanelOptionsEditorBuilder } from '@grafana/data';
import { MeshPanelOptions } from '../options';
import { viewOptions } from '../components/viewOptions';

export function addTopologyOptions(builder: PanelOptionsEditorBuilder<MeshPanelOptions>) {
  viewOptions(builder, 'topology', 'Topology')
    .radio('nodeKind', 'Nodes are', [
      { value: 'workload', label: 'Workloads' },
      { value: 'app', label: 'Apps' },
      { value: 'versionedApp', label: 'Versioned apps' },
      { value: 'service', label: 'Services' },
    ])
    .booleanSwitch('serviceNodes', 'Service nodes between clients and workloads')
    .radio('edgeLabel', 'Edge labels', [
      { value: 'rate', label: 'Rate' },
      { value: 'errors', label: 'Errors' },
      { value: 'latency', label: 'p95 latency' },
      { value: 'none', label: 'None' },
    ])
    .numberInput('errorDegraded', 'Degraded from error share', {
      description: 'Share of 5xx, gRPC errors and dropped requests (0..1) from which an edge is degraded.',
      settings: { min: 0, max: 1, step: 0.001 },
    })
    .numberInput('errorFailure', 'Failing from error share', { settings: { min: 0, max: 1, step: 0.01 } })
    .booleanSwitch('count4xx', 'Count 4xx as errors')
    .numberInput('latencyDegradedMs', 'Degraded from p95 (ms)', {
      description: '0 turns the latency rule off.',
      settings: { min: 0 },
    })
    .booleanSwitch('hideIdleEdges', 'Hide idle edges')
    .booleanSwitch('worstEdges', 'Worst edges list', {
      description: 'Beside the graph, the edges with the highest error share, p95 and rate; a click centres one.',
    })
    .booleanSwitch('groupNamespaces', 'Namespace boxes')
    .booleanSwitch('colorBlind', 'Colour-blind-safe palette')
    .booleanSwitch('animate', 'Traffic animation')
    .numberInput('maxNodes', 'Node limit', {
      description: 'Above it, each namespace is drawn as one node.',
      settings: { min: 10, integer: true },
    })
    .textInput('serviceDashboardUrl', 'Service dashboard link', {
      description: 'Variables: ${cluster} ${namespace} ${service} ${workload} ${app} ${version}, URL-encoded.',
    })
    .textInput('workloadDashboardUrl', 'Workload dashboard link')
    .textInput('envoyDashboardUrl', 'Proxy internals link')
    .textInput('tracesUrl', 'Traces link', { description: 'Empty hides the link.' });
}
