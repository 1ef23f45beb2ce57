// Kubernetes manifests: kustomize builds them offline, they validate (ConfigMaps against the Kubernetes schema, the
// rest with the kubernetes-models classes), carry the sidecar's label and folder annotation, stay under the
// client-side apply limit, and regenerating produces exactly the committed provisioning files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_CONFIG, validateConfig } from '../../dashboards';
import { run } from '../../dashboards/cli';
import { kubernetesFiles, LAST_APPLIED_LIMIT, lastAppliedBytes } from '../../dashboards/provisioning/kubernetes';
import { type Manifest, validateManifests } from '../../dashboards/provisioning/models';
import { compileSchema } from '../helpers/schemas';
import { kustomize } from './tools';

const ROOT = join(__dirname, '../..');
const UIDS = DEFAULT_CONFIG.dashboards;
const built = (dir: string) => parseAllDocuments(kustomize(join(ROOT, 'provisioning/kubernetes', dir))).map((d) => d.toJSON() as Manifest & { metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> } });

describe('provisioning/kubernetes', () => {
  const stack = built('.');
  const operator = built('grafana-operator');
  const configMaps = stack.filter((m) => m.kind === 'ConfigMap');

  test('kubectl kustomize builds both routes: a ConfigMap per dashboard, the monitors and the rule; GrafanaDashboards on their ConfigMaps', () => {
    expect(configMaps.map((m) => m.metadata.name).sort()).toEqual([...UIDS].sort());
    expect(stack.filter((m) => m.kind !== 'ConfigMap').map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(['PodMonitor/istio-proxies', 'PodMonitor/ztunnel', 'PrometheusRule/meshscope', 'ServiceMonitor/istiod']);
    expect(operator.filter((m) => m.kind === 'GrafanaDashboard').map((m) => [m.metadata.name, (m as { spec: { configMapRef: { name: string; key: string } } }).spec.configMapRef])).toEqual(
      [...UIDS].sort().map((uid) => [uid, { name: uid, key: `${uid}.json` }]),
    );
  });

  test('ConfigMaps validate against the Kubernetes ConfigMap schema and carry the label, the folder annotation and the dashboard', () => {
    const schema = compileSchema('k8s-configmap-v1.schema.json');
    for (const cm of configMaps) {
      expect({ name: cm.metadata.name, ok: schema(cm), errors: schema.errors ?? null }).toEqual({ name: cm.metadata.name, ok: true, errors: null });
      expect(cm.metadata.labels.grafana_dashboard).toBe('1');
      expect(cm.metadata.annotations.grafana_folder).toBe('Istio');
      const { data } = cm as { data: Record<string, string> };
      expect(JSON.parse(data[`${cm.metadata.name}.json`])).toEqual(JSON.parse(readFileSync(join(ROOT, 'provisioning/dashboards', `${cm.metadata.name}.json`), 'utf8')));
    }
  });

  test('every manifest passes its kubernetes-models validate(); a broken one is rejected naming it', () => {
    expect(() => validateManifests([...stack, ...operator])).not.toThrow();
    const broken = { ...stack.find((m) => m.kind === 'PodMonitor')!, spec: { podMetricsEndpoints: 'port 15090' } } as unknown as Manifest;
    expect(() => validateManifests([broken])).toThrow(/PodMonitor istio-proxies: .*podMetricsEndpoints/);
  });

  test('every ConfigMap fits client-side apply, and a config that outgrows it is warned about with server-side apply', () => {
    for (const cm of configMaps) {
      expect([cm.metadata.name, lastAppliedBytes(cm) < LAST_APPLIED_LIMIT]).toEqual([cm.metadata.name, true]);
    }
    const huge = JSON.stringify({ uid: 'meshscope-mesh', description: 'x'.repeat(LAST_APPLIED_LIMIT) });
    const { warnings } = kubernetesFiles(DEFAULT_CONFIG, new Map([['meshscope-mesh.json', huge], ['meshscope-wasm.json', '{}']]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ConfigMap meshscope-mesh is \d+ bytes: client-side "kubectl apply" fails/);
    expect(warnings[0]).toContain('kubectl apply --server-side');
  });

  test('label, label value, folder annotation and namespace follow the config', () => {
    const config = validateConfig({ install: { dashboardLabel: 'example.com/dashboard', dashboardLabelValue: 'yes', folderAnnotation: 'k8s-sidecar-target-directory', namespace: 'grafana' } });
    const cm = parseAllDocuments(kubernetesFiles(config, new Map([['meshscope-mesh.json', '{}']])).files.get('dashboards/meshscope-mesh.yaml')!)[0].toJSON();
    expect(cm.metadata).toMatchObject({ namespace: 'grafana', labels: { 'example.com/dashboard': 'yes' }, annotations: { 'k8s-sidecar-target-directory': 'Istio' } });
  });
});

describe('all provisioning files', () => {
  test('regenerating produces exactly the committed files (npm run dashboards -- --check)', () => {
    expect(run(['--check'])).toEqual({ code: 0, stdout: expect.stringContaining('match the builders'), stderr: '' });
  });

  test('grafana.com JSON asks for the Prometheus data source as an import input and names what it requires', () => {
    for (const uid of UIDS) {
      const d = JSON.parse(readFileSync(join(ROOT, 'provisioning/grafana-com', `${uid}.json`), 'utf8'));
      expect(d.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' })]);
      expect(d.templating.list.find((v: { type: string }) => v.type === 'datasource').current.value).toBe('${DS_PROMETHEUS}');
      expect(d.__requires).toEqual(expect.arrayContaining([{ type: 'grafana', id: 'grafana', name: 'Grafana', version: '12.4.0' }]));
      expect(d.uid).toBe(uid);
    }
    expect(JSON.parse(readFileSync(join(ROOT, 'provisioning/grafana-com/meshscope-mesh.json'), 'utf8')).__requires).toContainEqual(expect.objectContaining({ type: 'panel', id: 'meshscope-mesh-panel' }));
  });
});
