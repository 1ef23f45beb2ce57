/**
 * Typed manifests and their validation by the kubernetes-models classes. Those packages are ESM-only, exporting
 * nothing under "require", while the dashboards code runs as CommonJS (tsx, Jest); so manifests are written against
 * the models' interfaces here and validated by the classes in a plain Node child process (validate-models.mjs).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { IGrafanaDashboard } from '@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1';
import type { IPodMonitor, IPrometheusRule, IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import type { IConfigMap } from 'kubernetes-models/v1';

export type { IConfigMap, IGrafanaDashboard, IPodMonitor, IPrometheusRule, IServiceMonitor };
export type Manifest = IConfigMap | IGrafanaDashboard | IPodMonitor | IPrometheusRule | IServiceMonitor;

export class ManifestError extends Error {}

/** Throws naming every manifest the models reject. */
export function validateManifests(manifests: Manifest[]): void {
  const out = execFileSync(process.execPath, [join(__dirname, 'validate-models.mjs')], { input: JSON.stringify(manifests), encoding: 'utf8' });
  const problems = JSON.parse(out) as string[];
  if (problems.length > 0) {
    throw new ManifestError(`generated manifests fail their models' validation:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
