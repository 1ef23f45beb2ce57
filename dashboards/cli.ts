/**
 * npm run dashboards [-- --config <file> --datasource-uid <uid> --cluster-label <label> --folder <name>
 *                        --only <uid,…> --out <dir> --check]
 *
 * Writes provisioning/dashboards/<uid>.json (and the provider file) from the builders, atomically; with --check
 * writes nothing and exits 1 listing the files that differ from what the builders produce (CI drift check).
 * The provisioning generators (dashboards/provisioning/) write their directories beside the dashboards directory.
 * Without --out, that is the repository's committed output, and the config's JSON Schema
 * (dashboards/meshscope.config.schema.json) is written or checked with it.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ConfigOverrides, loadConfig } from './config/load';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from './config/jsonSchema';
import { ConfigError } from './config/validate';
import { generatedFiles } from './generate';
import { provisioningOutputs } from './provisioning';
import { drift, OWNS_ALL, writeAtomically, writeFileAtomically } from './write';

const ROOT = resolve(__dirname, '..');
export const DEFAULT_CONFIG_FILE = resolve(__dirname, 'meshscope.config.yaml');
export const DEFAULT_OUT = resolve(ROOT, 'provisioning/dashboards');
const ownsSchema = (name: string) => name === CONFIG_SCHEMA_FILE;

const USAGE =
  'usage: npm run dashboards -- [--config <file>] [--datasource-uid <uid>] [--cluster-label <label>] [--folder <name>] [--only <uid,…>] [--out <dir>] [--check]';

/** Runs the command; returns the exit code and what to print (so tests can call it without a process). */
export function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' },
        'datasource-uid': { type: 'string' },
        'cluster-label': { type: 'string' },
        folder: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    return { code: 2, stdout: '', stderr: `${(e as Error).message}\n${USAGE}\n` };
  }
  if (args.help) {
    return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  }
  const overrides: ConfigOverrides = {
    datasourceUid: args['datasource-uid'],
    clusterLabel: args['cluster-label'],
    folder: args.folder,
    only: args.only?.split(',').map((s) => s.trim()),
  };
  const file = args.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  const out = resolve(args.out ?? DEFAULT_OUT);
  try {
    const config = loadConfig(file, overrides);
    const files = generatedFiles(config);
    const provisioning = provisioningOutputs(config, dirname(out), files);
    const warnings = provisioning.warnings.map((w) => `warning: ${w}\n`).join('');
    // The repository's own output: the config's JSON Schema is generated with it.
    const schema = args.out === undefined ? new Map([[CONFIG_SCHEMA_FILE, configJsonSchema()]]) : undefined;
    if (args.check) {
      const differ = [
        ...drift(out, files),
        ...provisioning.outputs.flatMap((o) => drift(o.dir, o.files, OWNS_ALL)),
        ...(schema ? drift(__dirname, schema, ownsSchema) : []),
      ];
      return differ.length === 0
        ? {
            code: 0,
            stdout: `${files.size} files in ${out} and the provisioning beside it${schema ? ', and the config schema,' : ''} match the builders\n`,
            stderr: warnings,
          }
        : {
            code: 1,
            stdout: '',
            stderr: `${warnings}these files differ from what the builders produce (run npm run dashboards):\n${differ.map((f) => `  ${f}`).join('\n')}\n`,
          };
    }
    writeAtomically(out, files);
    for (const o of provisioning.outputs) {
      writeAtomically(o.dir, o.files, OWNS_ALL);
    }
    for (const [name, text] of schema ?? []) {
      writeFileAtomically(resolve(__dirname, name), text);
    }
    return {
      code: 0,
      stdout: `wrote ${[...files.keys()].join(', ')} to ${out}; ${[...provisioning.outputs.map((o) => o.dir), ...[...(schema?.keys() ?? [])].map((n) => resolve(__dirname, n))].join(', ')}\n`,
      stderr: warnings,
    };
  } catch (e) {
    if (e instanceof ConfigError) {
      return { code: 2, stdout: '', stderr: `${e.message}\n` };
    }
    return { code: 1, stdout: '', stderr: `npm run dashboards failed: ${(e as Error).message}\n` };
  }
}

if (require.main === module) {
  const r = run(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
