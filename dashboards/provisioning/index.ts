/**
 * Everything under provisioning/ besides the dashboards themselves, from the same config and the same rendered
 * dashboards: `npm run dashboards` writes (or --check compares) these next to its dashboards directory.
 */
import { join } from 'node:path';
import type { MeshscopeConfig } from '../config/types';
import { grafanaComFiles } from './grafana-com';
import { grafanaFiles } from './grafana';
import { kubernetesFiles } from './kubernetes';
import { prometheusFiles } from './prometheus';

export interface Output {
  dir: string;
  files: Map<string, string>;
}

/** `root` is the directory holding the dashboards directory (provisioning/); `dashboards` the generator's files. */
export function provisioningOutputs(config: MeshscopeConfig, root: string, dashboards: Map<string, string>): { outputs: Output[]; warnings: string[] } {
  const json = new Map([...dashboards].filter(([name]) => name.endsWith('.json')));
  const kubernetes = kubernetesFiles(config, json);
  return {
    outputs: [
      { dir: join(root, 'grafana'), files: grafanaFiles(config) },
      { dir: join(root, 'kubernetes'), files: kubernetes.files },
      { dir: join(root, 'grafana-com'), files: grafanaComFiles(json) },
      { dir: join(root, 'prometheus'), files: prometheusFiles(config) },
    ],
    warnings: kubernetes.warnings,
  };
}
