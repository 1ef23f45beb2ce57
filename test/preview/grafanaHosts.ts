import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * The Grafana releases the preview page stands in for. The plugin builds against Grafana 13 (React 19) and runs on
 * the React and @grafana/* modules of the Grafana that loads it, so the page offers either set: Grafana 13's from
 * the repository's own dependencies, Grafana 12's (React 18) from the workspace package in grafana12/, which npm
 * installs beside them.
 */
export const GRAFANA_HOSTS = ['13', '12'] as const;
export type GrafanaHost = (typeof GRAFANA_HOSTS)[number];

const ROOT = resolve(__dirname, '..', '..');
const MODULES_FROM: Record<GrafanaHost, string> = { '13': ROOT, '12': join(__dirname, 'grafana12') };

// Grafana ships one copy of each: the host's React and @grafana/* must be the only ones in its bundle, also where a
// library installed once for both hosts (react-select, rc-*, ...) imports React.
const SHARED_ONCE = /^(react|react-dom|scheduler|@grafana\/[^/]+|@emotion\/(css|react))(\/.*)?$/;

/**
 * The version of a host's own copy of a package. Node would fall back to the root's copy (Grafana 13's) when the
 * workspace package was not installed, and the page would offer the wrong Grafana, so that fails instead.
 */
function installedVersion(host: GrafanaHost, id: string): string {
  const modules = join(MODULES_FROM[host], 'node_modules');
  const file = require.resolve(`${id}/package.json`, { paths: [MODULES_FROM[host]] });
  if (!file.startsWith(modules + sep)) {
    throw new Error(`Grafana ${host}'s ${id} is not installed in ${relative(ROOT, modules)}: run \`npm ci\``);
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The version of Grafana whose modules the host offers, as its boot data names it; fails if they are missing. */
export function grafanaVersion(host: GrafanaHost): string {
  installedVersion(host, 'react');
  return installedVersion(host, '@grafana/runtime');
}

/** Resolves React and @grafana/* from the host's own installation, wherever the importing file lies. */
export function hostModules(host: GrafanaHost): Plugin {
  const resolveDir = MODULES_FROM[host];
  return {
    name: `grafana-${host}-modules`,
    setup(build) {
      build.onResolve({ filter: SHARED_ONCE }, async (args) => {
        if (args.pluginData === resolveDir) {
          return undefined;
        }
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: resolveDir });
        return found.errors.length > 0
          ? { errors: found.errors }
          : { path: found.path, sideEffects: found.sideEffects };
      });
    },
  };
}
