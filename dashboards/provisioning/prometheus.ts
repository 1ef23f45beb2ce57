/**
 * provisioning/prometheus/: the rules as a plain rules file, and the Prometheus config of the Compose stack, which
 * scrapes the simulator through its HTTP service discovery and loads those rules.
 */
import type { MeshscopeConfig } from '../config/types';
import { ruleGroups } from './rules';
import { toYaml } from './yaml';

export const RULES_FILE = 'meshscope.rules.yaml';
/** The simulator's service name and port in docker-compose.yml. */
export const COMPOSE_SIMULATOR = 'simulator:9900';

export function composePrometheusConfig(config: MeshscopeConfig): string {
  const interval = config.install.scrapeInterval;
  return toYaml({
    global: { scrape_interval: interval, evaluation_interval: interval },
    // Relative to this file: docker-compose.yml mounts the whole directory, and promtool can check it in place.
    rule_files: [RULES_FILE],
    scrape_configs: [
      {
        job_name: 'meshscope-simulator',
        http_sd_configs: [{ url: `http://${COMPOSE_SIMULATOR}/sd`, refresh_interval: interval }],
        // /sd lists the address the simulator listens on (0.0.0.0 in its container); reach it by service name.
        relabel_configs: [{ target_label: '__address__', replacement: COMPOSE_SIMULATOR }],
      },
    ],
  });
}

export function prometheusFiles(config: MeshscopeConfig): Map<string, string> {
  return new Map([
    [RULES_FILE, toYaml({ groups: ruleGroups(config) })],
    ['prometheus.yml', composePrometheusConfig(config)],
  ]);
}
