import { stringify } from 'yaml';
import type { MeshscopeConfig } from './config/types';

/** Where the provisioning files are mounted in the Grafana container (see provisioning/). */
export const PROVISIONED_PATH = '/etc/grafana/provisioning/dashboards';

/** Grafana's dashboard provider file, putting the dashboards found at `path` in the configured folder. */
export function providerFile(config: MeshscopeConfig, path = PROVISIONED_PATH): string {
  return stringify({
    apiVersion: 1,
    providers: [
      {
        name: 'meshscope',
        folder: config.folder,
        type: 'file',
        disableDeletion: false,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path, foldersFromFilesStructure: false },
      },
    ],
  });
}
