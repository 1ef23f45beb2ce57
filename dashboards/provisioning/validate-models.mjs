// Validates Kubernetes manifests (a JSON array on stdin) with the kubernetes-models classes and prints the problems
// as a JSON array of strings. Plain Node ESM: the model packages can only be imported, not required (see models.ts).
import { readFileSync } from 'node:fs';
import { GrafanaDashboard } from '@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1/GrafanaDashboard';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';

const MODELS = [ConfigMap, GrafanaDashboard, PodMonitor, PrometheusRule, ServiceMonitor];
const problems = [];
for (const manifest of JSON.parse(readFileSync(0, 'utf8'))) {
  const name = `${manifest.kind} ${manifest.metadata?.name}`;
  const Model = MODELS.find((m) => m.apiVersion === manifest.apiVersion && m.kind === manifest.kind);
  if (Model === undefined) {
    problems.push(`${name}: no model for ${manifest.apiVersion}`);
    continue;
  }
  try {
    new Model(manifest).validate();
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
}
process.stdout.write(JSON.stringify(problems));
