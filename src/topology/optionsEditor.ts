import { PanelOptionsEditorBuilder } from '@grafana/data';
import { DEFAULT_OPTIONS, MeshPanelOptions } from '../options';

const category = ['Topology'];
const defaults = DEFAULT_OPTIONS.topology;
const isTopology = (o: MeshPanelOptions) => o.view === 'topology';

export function addTopologyOptions(builder: PanelOptionsEditorBuilder<MeshPanelOptions>) {
  builder
    .addRadio({
      path: 'topology.nodeKind',
      name: 'Nodes are',
      category,
      defaultValue: defaults.nodeKind,
      settings: {
        options: [
          { value: 'workload', label: 'Workloads' },
          { value: 'app', label: 'Apps' },
          { value: 'versionedApp', label: 'Versioned apps' },
          { value: 'service', label: 'Services' },
        ],
      },
      showIf: isTopology,
    })
    .addBooleanSwitch({
      path: 'topology.serviceNodes',
      name: 'Service nodes between clients and workloads',
      category,
      defaultValue: defaults.serviceNodes,
      showIf: isTopology,
    })
    .addRadio({
      path: 'topology.edgeLabel',
      name: 'Edge labels',
      category,
      defaultValue: defaults.edgeLabel,
      settings: {
        options: [
          { value: 'rate', label: 'Rate' },
          { value: 'errors', label: 'Errors' },
          { value: 'latency', label: 'p95 latency' },
          { value: 'none', label: 'None' },
        ],
      },
      showIf: isTopology,
    })
    .addNumberInput({
      path: 'topology.errorDegraded',
      name: 'Degraded from error share',
      description: 'Share of 5xx, gRPC errors and dropped requests (0..1) from which an edge is degraded.',
      category,
      defaultValue: defaults.errorDegraded,
      settings: { min: 0, max: 1, step: 0.001 },
      showIf: isTopology,
    })
    .addNumberInput({
      path: 'topology.errorFailure',
      name: 'Failing from error share',
      category,
      defaultValue: defaults.errorFailure,
      settings: { min: 0, max: 1, step: 0.01 },
      showIf: isTopology,
    })
    .addBooleanSwitch({
      path: 'topology.count4xx',
      name: 'Count 4xx as errors',
      category,
      defaultValue: defaults.count4xx,
      showIf: isTopology,
    })
    .addNumberInput({
      path: 'topology.latencyDegradedMs',
      name: 'Degraded from p95 (ms)',
      description: '0 turns the latency rule off.',
      category,
      defaultValue: defaults.latencyDegradedMs,
      settings: { min: 0 },
      showIf: isTopology,
    })
    .addBooleanSwitch({
      path: 'topology.hideIdleEdges',
      name: 'Hide idle edges',
      category,
      defaultValue: defaults.hideIdleEdges,
      showIf: isTopology,
    })
    .addBooleanSwitch({
      path: 'topology.groupNamespaces',
      name: 'Namespace boxes',
      category,
      defaultValue: defaults.groupNamespaces,
      showIf: isTopology,
    })
    .addBooleanSwitch({
      path: 'topology.colorBlind',
      name: 'Colour-blind-safe palette',
      category,
      defaultValue: defaults.colorBlind,
      showIf: isTopology,
    })
    .addBooleanSwitch({
      path: 'topology.animate',
      name: 'Traffic animation',
      category,
      defaultValue: defaults.animate,
      showIf: isTopology,
    })
    .addNumberInput({
      path: 'topology.maxNodes',
      name: 'Node limit',
      description: 'Above it, each namespace is drawn as one node.',
      category,
      defaultValue: defaults.maxNodes,
      settings: { min: 10, integer: true },
      showIf: isTopology,
    })
    .addTextInput({
      path: 'topology.serviceDashboardUrl',
      name: 'Service dashboard link',
      description: 'Variables: ${cluster} ${namespace} ${service} ${workload} ${app} ${version}, URL-encoded.',
      category,
      defaultValue: defaults.serviceDashboardUrl,
      showIf: isTopology,
    })
    .addTextInput({
      path: 'topology.workloadDashboardUrl',
      name: 'Workload dashboard link',
      category,
      defaultValue: defaults.workloadDashboardUrl,
      showIf: isTopology,
    })
    .addTextInput({
      path: 'topology.tracesUrl',
      name: 'Traces link',
      description: 'Empty hides the link.',
      category,
      defaultValue: defaults.tracesUrl,
      showIf: isTopology,
    });
}
