// Resolves --topology: a built-in name, "generated:<workloads>x<namespaces>x<edges>[,ambient=<n>][,wasm=<share>]",
// or a file.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultTopology } from './default';
import { type GenerateOptions, generateTopology } from './generate';
import type { Topology } from './types';
import { TopologyError, validateTopology } from './validate';

export const BUILT_IN = ['default'];

export function loadTopology(nameOrFile: string | Topology | undefined, seed = 1): Topology {
  if (nameOrFile === undefined || nameOrFile === 'default') {
    return defaultTopology;
  }
  if (typeof nameOrFile !== 'string') {
    return validateTopology(nameOrFile);
  }
  const generated = /^generated:(\d+)x(\d+)x(\d+)((?:,[^,=]+=[^,=]*)*)$/.exec(nameOrFile);
  if (generated) {
    const [workloads, namespaces, edges] = generated.slice(1, 4).map(Number);
    return validateTopology(
      generateTopology({ workloads, namespaces, edges, seed, ...generatedExtras(generated[4], namespaces) })
    );
  }
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch {
    throw new TopologyError([
      `topology: "${nameOrFile}" is neither a built-in (${BUILT_IN.join(', ')}, generated:<workloads>x<namespaces>x<edges>[,ambient=<n>][,wasm=<share>]) nor a readable file`,
    ]);
  }
  let data: unknown;
  try {
    data = extname(nameOrFile) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new TopologyError([
      `${nameOrFile}: not valid ${extname(nameOrFile) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    ]);
  }
  return validateTopology(data);
}

/** The optional ",ambient=<n>,wasm=<share>" of a generated topology, checked like a topology file's fields. */
function generatedExtras(text: string, namespaces: number): Pick<GenerateOptions, 'ambientNamespaces' | 'wasmShare'> {
  const out: Pick<GenerateOptions, 'ambientNamespaces' | 'wasmShare'> = {};
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of text
    .split(',')
    .slice(1)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) {
    const value = Number(raw);
    if (seen.has(key)) {
      errors.push(`topology.${key}: given twice`);
    } else if (key === 'ambient' && /^\d+$/.test(raw) && value <= namespaces) {
      out.ambientNamespaces = value;
    } else if (key === 'wasm' && /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(raw)) {
      out.wasmShare = value;
    } else if (key === 'ambient' || key === 'wasm') {
      errors.push(
        `topology.${key}: must be ${key === 'ambient' ? `an integer from 0 to the ${namespaces} namespaces` : 'a share from 0 to 1'} (got "${raw}")`
      );
    } else {
      errors.push(`topology.${key}: unknown option of a generated topology; known: ambient, wasm`);
    }
    seen.add(key);
  }
  if (errors.length > 0) {
    throw new TopologyError(errors);
  }
  return out;
}
