/**
 * Kubernetes manifests (provisioning/kubernetes/), typed by and validated with kubernetes-models: ConfigMaps for the
 * Grafana chart's sidecar, the scrape monitors Istio documents, the PrometheusRule, grafana-operator dashboards,
 * the kustomizations tying them together and Helm values for the Grafana and kube-prometheus-stack charts.
 */
import type { MeshscopeConfig } from '../config/types';
import { type IConfigMap, type IGrafanaDashboard, type IPodMonitor, type IPrometheusRule, type IServiceMonitor, type Manifest, validateManifests } from './models';
import { pluginArchiveUrl, PLUGIN_ID } from './plugin';
import { ruleGroups } from './rules';
import { plain, toYaml } from './yaml';

/** Client-side `kubectl apply` stores the object in an annotation, and annotations may total at most this. */
export const LAST_APPLIED_LIMIT = 262_144;

type Relabel = NonNullable<NonNullable<IServiceMonitor['spec']['endpoints']>[number]['relabelings']>[number];

const PART_OF = { 'app.kubernetes.io/part-of': 'meshscope' };
const MONITORING = 'monitoring.coreos.com/v1';

function kustomization(resources: string[]): string {
  return toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources });
}

/** Bytes of the last-applied-configuration annotation client-side apply would write for this object. */
export function lastAppliedBytes(manifest: Manifest): number {
  return Buffer.byteLength(JSON.stringify(plain(manifest)));
}

function dashboardConfigMap(config: MeshscopeConfig, name: string, text: string): IConfigMap {
  const { namespace, dashboardLabel, dashboardLabelValue, folderAnnotation } = config.install;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels: { [dashboardLabel]: dashboardLabelValue, ...PART_OF }, annotations: { [folderAnnotation]: config.folder } },
    // Minified: the same dashboard in a third of the bytes, far from the annotation limit.
    data: { [`${name}.json`]: JSON.stringify(JSON.parse(text)) },
  };
}

/**
 * Relabelings giving a monitor's targets the pod's app and version labels (as Istio's sample Prometheus does), and the
 * configured namespace/pod/container label names where they differ from the operator's own. The job stays the
 * operator's: the dashboards choose series by what they carry, not by job (selectors in the meshscope config).
 */
function targetLabels(config: MeshscopeConfig): Relabel[] {
  const renamed = (['namespace', 'pod', 'container'] as const)
    .filter((l) => config.labels[l] !== l)
    .map((l): Relabel => ({ action: 'replace', sourceLabels: [`__meta_kubernetes_${l === 'namespace' ? 'namespace' : l === 'pod' ? 'pod_name' : 'pod_container_name'}`], targetLabel: config.labels[l] }));
  return [{ action: 'labelmap', regex: '__meta_kubernetes_pod_label_(app|version)' }, ...renamed];
}

function monitors(config: MeshscopeConfig): Map<string, IServiceMonitor | IPodMonitor | IPrometheusRule> {
  const metadata = (name: string) => ({ name, namespace: config.install.namespace, labels: PART_OF });
  const anyNamespace = { any: true };
  return new Map<string, IServiceMonitor | IPodMonitor | IPrometheusRule>([
    [
      'istiod-servicemonitor.yaml',
      {
        apiVersion: MONITORING,
        kind: 'ServiceMonitor',
        metadata: metadata('istiod'),
        spec: {
          selector: { matchExpressions: [{ key: 'istio', operator: 'In', values: ['pilot'] }] },
          namespaceSelector: anyNamespace,
          endpoints: [{ port: 'http-monitoring', relabelings: targetLabels(config) }],
        },
      },
    ],
    [
      'istio-proxies-podmonitor.yaml',
      {
        apiVersion: MONITORING,
        kind: 'PodMonitor',
        metadata: metadata('istio-proxies'),
        spec: {
          // Every injected pod; sidecars and gateways alike carry Envoy's 15090 port.
          selector: {},
          namespaceSelector: anyNamespace,
          podMetricsEndpoints: [
            {
              // Envoy's own endpoint, named by the injector; not 15020, which merges the agent's and the app's metrics.
              port: 'http-envoy-prom',
              path: '/stats/prometheus',
              relabelings: [{ action: 'keep', sourceLabels: ['__meta_kubernetes_pod_container_name'], regex: config.containers.proxy }, ...targetLabels(config)],
            },
          ],
        },
      },
    ],
    [
      'ztunnel-podmonitor.yaml',
      {
        apiVersion: MONITORING,
        kind: 'PodMonitor',
        metadata: metadata('ztunnel'),
        spec: {
          selector: { matchLabels: { app: 'ztunnel' } },
          namespaceSelector: anyNamespace,
          podMetricsEndpoints: [{ port: 'ztunnel-stats', path: '/metrics', relabelings: targetLabels(config) }],
        },
      },
    ],
    [
      'meshscope-prometheusrule.yaml',
      { apiVersion: MONITORING, kind: 'PrometheusRule', metadata: metadata('meshscope'), spec: { groups: ruleGroups(config) } },
    ],
  ]);
}

function operatorDashboard(config: MeshscopeConfig, name: string): IGrafanaDashboard {
  const [key, value] = config.install.grafanaInstanceLabel.split('=');
  return {
    apiVersion: 'grafana.integreatly.org/v1beta1',
    kind: 'GrafanaDashboard',
    metadata: { name, namespace: config.install.namespace, labels: PART_OF },
    spec: {
      instanceSelector: { matchLabels: { [key]: value } },
      folder: config.folder,
      // The sidecar's ConfigMap, not a second copy of the JSON: one object per dashboard to keep in size.
      configMapRef: { name, key: `${name}.json` },
    },
  };
}

function helmValues(config: MeshscopeConfig): { grafana: Record<string, unknown>; stack: Record<string, unknown> } {
  const { dashboardLabel, dashboardLabelValue, folderAnnotation } = config.install;
  const grafana = {
    plugins: [`${pluginArchiveUrl(config)};${PLUGIN_ID}`],
    'grafana.ini': { plugins: { allow_loading_unsigned_plugins: PLUGIN_ID } },
    sidecar: {
      dashboards: {
        enabled: true,
        label: dashboardLabel,
        labelValue: dashboardLabelValue,
        searchNamespace: 'ALL',
        folderAnnotation,
        // The annotation names a directory; this turns directories into Grafana folders.
        provider: { foldersFromFilesStructure: true, allowUiUpdates: false },
      },
    },
  };
  const datasource = { name: 'Prometheus', uid: config.datasource.uid, type: 'prometheus', url: config.install.prometheusUrl, access: 'proxy', isDefault: true, jsonData: { timeInterval: config.install.scrapeInterval } };
  return {
    grafana: { ...grafana, datasources: { 'datasources.yaml': { apiVersion: 1, datasources: [datasource] } } },
    stack: {
      grafana: { ...grafana, sidecar: { ...grafana.sidecar, datasources: { uid: config.datasource.uid } } },
      // Without these the chart's Prometheus only selects monitors and rules labelled with its Helm release.
      prometheus: { prometheusSpec: { ruleSelectorNilUsesHelmValues: false, serviceMonitorSelectorNilUsesHelmValues: false, podMonitorSelectorNilUsesHelmValues: false } },
    },
  };
}

/** provisioning/kubernetes/*, and a warning per ConfigMap too large for client-side apply. */
export function kubernetesFiles(config: MeshscopeConfig, dashboards: Map<string, string>): { files: Map<string, string>; warnings: string[] } {
  const files = new Map<string, string>();
  const manifests: Manifest[] = [];
  const file = (manifest: Manifest) => {
    manifests.push(manifest);
    return toYaml(manifest);
  };
  const warnings: string[] = [];
  const names = [...dashboards.keys()].map((n) => n.replace(/\.json$/, ''));
  for (const name of names) {
    const cm = dashboardConfigMap(config, name, dashboards.get(`${name}.json`)!);
    const bytes = lastAppliedBytes(cm);
    if (bytes >= LAST_APPLIED_LIMIT) {
      warnings.push(
        `ConfigMap ${name} is ${bytes} bytes: client-side "kubectl apply" fails on it (its last-applied-configuration annotation may hold at most ${LAST_APPLIED_LIMIT} bytes). ` +
          'Apply with "kubectl apply --server-side -k provisioning/kubernetes" (server-side apply keeps no such annotation), or emit fewer custom panels.',
      );
    }
    files.set(`dashboards/${name}.yaml`, file(cm));
    files.set(`grafana-operator/${name}.yaml`, file(operatorDashboard(config, name)));
  }
  const monitoring = monitors(config);
  for (const [name, manifest] of monitoring) {
    files.set(`monitoring/${name}`, file(manifest));
  }
  files.set('dashboards/kustomization.yaml', kustomization(names.map((n) => `${n}.yaml`)));
  files.set('monitoring/kustomization.yaml', kustomization([...monitoring.keys()]));
  files.set('grafana-operator/kustomization.yaml', kustomization(['../dashboards', ...names.map((n) => `${n}.yaml`)]));
  files.set('kustomization.yaml', kustomization(['dashboards', 'monitoring']));
  const values = helmValues(config);
  files.set('values/grafana.yaml', toYaml(values.grafana));
  files.set('values/kube-prometheus-stack.yaml', toYaml(values.stack));
  validateManifests(manifests);
  return { files, warnings };
}
