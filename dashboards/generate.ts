import type { MeshscopeConfig } from './config/types';
import { providerFile } from './provider';
import { buildDashboards } from './registry';
import { renderFiles } from './render';

/** Every file `npm run dashboards` owns, by name: one JSON per selected dashboard and the provider file. */
export function generatedFiles(config: MeshscopeConfig): Map<string, string> {
  const files = renderFiles(buildDashboards(config));
  files.set('meshscope.yaml', providerFile(config));
  return files;
}
