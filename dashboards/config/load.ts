import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ConfigError, validateConfig } from './validate';
import type { MeshscopeConfig } from './types';

/** Values given on the command line; they win over the file. */
export interface ConfigOverrides {
  datasourceUid?: string;
  clusterLabel?: string;
  folder?: string;
  only?: string[];
}

function readRaw(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read: ${(e as Error).message}`]);
  }
  try {
    // YAML is a superset of JSON, so one parser reads both.
    return parseYaml(text);
  } catch (e) {
    throw new ConfigError(file, [`not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`]);
  }
}

function applyOverrides(raw: unknown, o: ConfigOverrides): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return raw;
  }
  const r = { ...(raw as Record<string, unknown>) };
  const sub = (key: string) => ({ ...((r[key] as Record<string, unknown> | undefined) ?? {}) });
  if (o.datasourceUid !== undefined) {
    r.datasource = { ...sub('datasource'), uid: o.datasourceUid };
  }
  if (o.clusterLabel !== undefined) {
    r.labels = { ...sub('labels'), cluster: o.clusterLabel };
  }
  if (o.folder !== undefined) {
    r.folder = o.folder;
  }
  if (o.only !== undefined) {
    r.dashboards = o.only;
  }
  return r;
}

/** The config from `file` (or the defaults when none), with command-line overrides, validated. */
export function loadConfig(file: string | undefined, overrides: ConfigOverrides = {}): MeshscopeConfig {
  const raw = file === undefined ? {} : (readRaw(file) ?? {});
  return validateConfig(applyOverrides(raw, overrides), file ?? 'defaults');
}
