// Resolves --topology: a built-in name, "generated:<workloads>x<namespaces>x<edges>[,ambient=<n>][,wasm=<share>]",
// or a file.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defaultTopology } from './default';
import { generateTopology } from './generate';
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
  const generated = /^generated:(\d+)x(\d+)x(\d+)((?:,[a-z]+=[^,]*)*)$/.exec(nameOrFile);
  if (generated) {
    const [workloads, namespaces, edges] = generated.slice(1, 4).map(Number);
    return validateTopology(generateTopology({ workloads, namespaces, edges, seed, ...generatedExtras(generated[4], namespaces) }));
  }
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch {
    throw new TopologyError([`topology: "${nameOrFile}" is neither a built-in (${BUILT_IN.join(', ')}, generated:<workloads>x<namespaces>x<edges>[,ambient=<n>][,wasm=<share>]) nor a readable file`]);
  }
  let data: unknown;
  try {
    data = extname(nameOrFile) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new TopologyError([`${nameOrFile}: not valid ${extname(nameOrFile) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`]);
  }
  return validateTopology(data);
}

/** The optional ",ambient=<n>,wasm=<share>" of a generated topology, checked like a topology file's fields. */
function generatedExtras(text: string, namespaces: number): { ambientNamespaces?: number; wasmShare?: number } {
  const out: { ambientNamespaces?: number; wasmShare?: number } = {};
  const errors: string[] = [];
  for (const [key, raw] of text.split(',').slice(1).map((kv) => kv.split('='))) {
    const value = Number(raw);
    if (key === 'ambient' && Number.isInteger(value) && value >= 0 && value <= namespaces) {
      out.ambientNamespaces = value;
    } else if (key === 'wasm' && raw !== '' && value >= 0 && value <= 1) {
      out.wasmShare = value;
    } else if (key === 'ambient' || key === 'wasm') {
      errors.push(`topology.${key}: must be ${key === 'ambient' ? `an integer from 0 to the ${namespaces} namespaces` : 'a share from 0 to 1'} (got "${raw}")`);
    } else {
      errors.push(`topology.${key}: unknown option of a generated topology; known: ambient, wasm`);
    }
  }
  if (errors.length > 0) {
    throw new TopologyError(errors);
  }
  return out;
}
