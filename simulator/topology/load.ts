// Resolves --topology: a built-in name, "generated:<workloads>x<namespaces>x<edges>", or a file.
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
  const generated = /^generated:(\d+)x(\d+)x(\d+)$/.exec(nameOrFile);
  if (generated) {
    const [workloads, namespaces, edges] = generated.slice(1).map(Number);
    return validateTopology(generateTopology({ workloads, namespaces, edges, seed }));
  }
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch {
    throw new TopologyError([`topology: "${nameOrFile}" is neither a built-in (${BUILT_IN.join(', ')}, generated:<workloads>x<namespaces>x<edges>) nor a readable file`]);
  }
  let data: unknown;
  try {
    data = extname(nameOrFile) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new TopologyError([`${nameOrFile}: not valid ${extname(nameOrFile) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`]);
  }
  return validateTopology(data);
}
