import { AMD_META_MODULES, GRAFANA_SHARED_MODULES } from './grafanaSharedModules';

/** Thrown when a plugin's define() names a module Grafana does not share: Grafana would fail to load it. */
export class NotSharedModuleError extends Error {}

type Factory = (...deps: unknown[]) => unknown;

/**
 * Evaluates an AMD module as Grafana's SystemJS AMD extra does: `define(deps, factory)`, each dependency resolved
 * from Grafana's shared modules (`provide`) or the AMD meta-modules, anything else refused.
 * Stands in for SystemJS in Node, because no Grafana server can run here.
 */
export function evaluateAmdModule(source: string, uri: string, provide: (id: string) => unknown): unknown {
  let result: unknown;
  let defined = false;
  const define = (...args: unknown[]) => {
    const factory = args[args.length - 1];
    const deps = (Array.isArray(args[args.length - 2]) ? args[args.length - 2] : []) as string[];
    const module = { uri, exports: {} as Record<string, unknown> };
    const resolved = deps.map((id) => {
      if (AMD_META_MODULES.includes(id)) {
        return id === 'module' ? module : id === 'exports' ? module.exports : undefined;
      }
      if (!GRAFANA_SHARED_MODULES.includes(id)) {
        throw new NotSharedModuleError(`module.js imports "${id}", which Grafana does not share with plugins`);
      }
      return provide(id);
    });
    result = typeof factory === 'function' ? ((factory as Factory)(...resolved) ?? module.exports) : factory;
    defined = true;
  };
  (define as unknown as { amd: object }).amd = {};
  new Function('define', source)(define);
  if (!defined) {
    throw new Error('module.js did not call define(): it is not an AMD module');
  }
  return result;
}
