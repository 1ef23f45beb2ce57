import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MeshscopeConfig } from '../config/types';

export const PLUGIN_ID = 'meshscope-mesh-panel';

function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
}

/** The configured archive URL, else this version's GitHub release archive (what `npm run build` zips). */
export function pluginArchiveUrl(config: MeshscopeConfig): string {
  const v = packageVersion();
  return config.install.pluginUrl || `https://github.com/meshscope/meshscope/releases/download/v${v}/${PLUGIN_ID}-${v}.zip`;
}
