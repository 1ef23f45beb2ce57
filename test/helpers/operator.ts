/**
 * The scrape configs Prometheus Operator generates for a ServiceMonitor or PodMonitor, so tests run a real
 * Prometheus on exactly what the operator would hand it. Written from the operator's golden test outputs
 * (prometheus-operator/prometheus-operator pkg/prometheus/testdata and promcfg_test.go, Apache-2.0): the same
 * relabelling steps in the same order. Covers the fields the monitors we test use; any other field throws, so a
 * monitor is never translated half-way.
 */
type Relabel = Record<string, unknown>;
type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
};
interface Endpoint {
  port?: string;
  path?: string;
  scheme?: string;
  honorLabels?: boolean;
  relabelings?: Relabel[];
  metricRelabelings?: Relabel[];
  [other: string]: unknown;
}
export interface Monitor {
  kind: 'ServiceMonitor' | 'PodMonitor';
  metadata: { name: string; namespace: string };
  spec: {
    selector: Selector;
    namespaceSelector?: { any?: boolean; matchNames?: string[] };
    jobLabel?: string;
    targetLabels?: string[];
    podTargetLabels?: string[];
    endpoints?: Endpoint[];
    podMetricsEndpoints?: Endpoint[];
    attachMetadata?: unknown;
  };
}

/** Fields of an endpoint that only say how to reach or authenticate, not which labels a series gets. */
const TRANSPORT = new Set(['interval', 'scrapeTimeout', 'tlsConfig', 'bearerTokenFile', 'honorTimestamps']);

const sanitize = (name: string) => name.replace(/[^a-zA-Z0-9_]/g, '_');

/** Operator's camelCase relabelings → Prometheus' snake_case relabel_configs. */
function relabel(r: Relabel): Relabel {
  const keys: Record<string, string> = { sourceLabels: 'source_labels', targetLabel: 'target_label' };
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [keys[k] ?? k, v]));
}

function selectorRelabels(selector: Selector, meta: string): Relabel[] {
  const out: Relabel[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    out.push({
      action: 'keep',
      source_labels: [`${meta}_label_${sanitize(k)}`, `${meta}_labelpresent_${sanitize(k)}`],
      regex: `(${v});true`,
    });
  }
  for (const e of selector.matchExpressions ?? []) {
    const label = [`${meta}_label_${sanitize(e.key)}`, `${meta}_labelpresent_${sanitize(e.key)}`];
    const present = [`${meta}_labelpresent_${sanitize(e.key)}`];
    const values = `(${(e.values ?? []).join('|')});true`;
    out.push(
      {
        In: { action: 'keep', source_labels: label, regex: values },
        NotIn: { action: 'drop', source_labels: label, regex: values },
        Exists: { action: 'keep', source_labels: present, regex: 'true' },
        DoesNotExist: { action: 'drop', source_labels: present, regex: 'true' },
      }[e.operator]
    );
  }
  return out;
}

const copy = (from: string, to: string, only?: boolean): Relabel => ({
  source_labels: [from],
  target_label: to,
  ...(only ? { regex: '(.+)', replacement: '${1}' } : {}),
});

/** One scrape config per endpoint, named as the operator names them. */
export function operatorScrapeConfigs(m: Monitor): Array<Record<string, unknown>> {
  const service = m.kind === 'ServiceMonitor';
  const endpoints = (service ? m.spec.endpoints : m.spec.podMetricsEndpoints) ?? [];
  const { name, namespace } = m.metadata;
  const role = service ? 'endpoints' : 'pod';
  const ns = m.spec.namespaceSelector;
  return endpoints.map((e, i) => {
    const unknown = Object.keys(e).filter(
      (k) =>
        !TRANSPORT.has(k) && !['port', 'path', 'scheme', 'honorLabels', 'relabelings', 'metricRelabelings'].includes(k)
    );
    if (unknown.length > 0) {
      throw new Error(`${m.kind} ${namespace}/${name} endpoint ${i}: ${unknown.join(', ')} not translated`);
    }
    const relabels: Relabel[] = [{ source_labels: ['job'], target_label: '__tmp_prometheus_job_name' }];
    relabels.push(
      ...selectorRelabels(m.spec.selector, service ? '__meta_kubernetes_service' : '__meta_kubernetes_pod')
    );
    if (service) {
      if (e.port) {
        relabels.push({ action: 'keep', source_labels: ['__meta_kubernetes_endpoint_port_name'], regex: e.port });
      }
      for (const kind of ['Node', 'Pod']) {
        relabels.push({
          source_labels: [
            '__meta_kubernetes_endpoint_address_target_kind',
            '__meta_kubernetes_endpoint_address_target_name',
          ],
          separator: ';',
          regex: `${kind};(.*)`,
          replacement: '${1}',
          target_label: kind.toLowerCase(),
        });
      }
      relabels.push(
        copy('__meta_kubernetes_namespace', 'namespace'),
        copy('__meta_kubernetes_service_name', 'service'),
        copy('__meta_kubernetes_pod_name', 'pod'),
        copy('__meta_kubernetes_pod_container_name', 'container'),
        { action: 'drop', source_labels: ['__meta_kubernetes_pod_phase'], regex: '(Failed|Succeeded)' },
        ...(m.spec.targetLabels ?? []).map((l) =>
          copy(`__meta_kubernetes_service_label_${sanitize(l)}`, sanitize(l), true)
        )
      );
    } else {
      if (e.port) {
        relabels.push({ action: 'keep', source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: e.port });
      }
      relabels.push(
        copy('__meta_kubernetes_namespace', 'namespace'),
        copy('__meta_kubernetes_pod_container_name', 'container'),
        copy('__meta_kubernetes_pod_name', 'pod'),
        { action: 'drop', source_labels: ['__meta_kubernetes_pod_phase'], regex: '(Failed|Succeeded)' }
      );
    }
    relabels.push(
      ...(m.spec.podTargetLabels ?? []).map((l) =>
        copy(`__meta_kubernetes_pod_label_${sanitize(l)}`, sanitize(l), true)
      )
    );
    relabels.push(
      service
        ? { source_labels: ['__meta_kubernetes_service_name'], target_label: 'job', replacement: '${1}' }
        : { target_label: 'job', replacement: `${namespace}/${name}` }
    );
    if (m.spec.jobLabel) {
      relabels.push(
        copy(`__meta_kubernetes_${service ? 'service' : 'pod'}_label_${sanitize(m.spec.jobLabel)}`, 'job', true)
      );
    }
    if (e.port) {
      relabels.push({ target_label: 'endpoint', replacement: e.port });
    }
    relabels.push(...(e.relabelings ?? []).map(relabel));
    // Sharding, with the config reloader's $(SHARD) substituted for the single shard 0.
    relabels.push(
      { source_labels: ['__address__'], target_label: '__tmp_hash', modulus: 1, action: 'hashmod' },
      { source_labels: ['__tmp_hash'], regex: '0', action: 'keep' }
    );
    return {
      job_name: `${service ? 'serviceMonitor' : 'podMonitor'}/${namespace}/${name}/${i}`,
      honor_labels: e.honorLabels ?? false,
      kubernetes_sd_configs: [{ role, ...(ns?.any ? {} : { namespaces: { names: ns?.matchNames ?? [namespace] } }) }],
      ...(e.path ? { metrics_path: e.path } : {}),
      ...(e.scheme ? { scheme: e.scheme } : {}),
      relabel_configs: relabels,
      metric_relabel_configs: (e.metricRelabelings ?? []).map(relabel),
    };
  });
}
