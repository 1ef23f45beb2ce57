/**
 * What Grafana's plugin-validator checks offline, done here because its binary is downloaded at run time and
 * cannot be had on this network: plugin.json against Grafana's schema, the files Grafana and grafana.com expect,
 * and the release archive's layout (one folder named after the plugin id).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import semver from 'semver';
import { files as PLUGIN_FILES } from '../scripts/plugin-files.json';
import { REPO_ROOT, requireBuild } from './helpers/build';
import { PLUGIN_ID } from './helpers/grafanaSharedModules';
import { compileSchema } from './helpers/schemas';

// The id pattern escapes `-` as `\-`, which is invalid under the `u` flag ajv uses by default.
const validate = compileSchema('grafana-plugin.schema.json', { unicodeRegExp: false });
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = readJson(join(REPO_ROOT, 'package.json'));

// Externalising react/jsx-runtime (which Grafana 13's React 19 requires) is only safe on these Grafana versions:
// grafana/plugin-tools docusaurus/docs/migration-guides/update-from-grafana-versions/v12.x-v13.x.md.
const JSX_RUNTIME_SAFE = '>=11.6.11 <12 || >=12.0.10 <12.1 || >=12.1.7 <12.2 || >=12.2.5';

describe.each([
  ['src/plugin.json', () => join(REPO_ROOT, 'src', 'plugin.json')],
  ['dist/plugin.json', () => join(requireBuild(), 'plugin.json')],
])('%s', (_name, path) => {
  it('is valid against Grafana plugin.json schema', () => {
    const ok = validate(readJson(path()));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('names the plugin as the issue and the validator require', () => {
    const json = readJson(path());
    expect(json).toMatchObject({ id: PLUGIN_ID, type: 'panel', name: 'Istio Mesh (meshscope)' });
    expect(json.id.endsWith(`-${json.type}`)).toBe(true);
    expect(json.info.keywords.length).toBeGreaterThan(2);
    expect(json.info.description.length).toBeGreaterThan(40);
  });

  it('asks for a Grafana on which the React and jsx-runtime externals work', () => {
    const range = readJson(path()).dependencies.grafanaDependency;
    expect(semver.validRange(range)).not.toBeNull();
    expect(semver.subset(range, JSX_RUNTIME_SAFE)).toBe(true);
  });
});

it('the schema rejects a plugin.json the validator would reject (so the checks above can fail)', () => {
  const bad = { ...readJson(join(REPO_ROOT, 'src', 'plugin.json')), id: 'Meshscope_Mesh' };
  expect(validate(bad)).toBe(false);
});

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

/**
 * What Grafana loads (module.js, the chunks module.js loads by id, such as the layout worker, their source maps,
 * plugin.json and the images it names) and the three documents grafana.com shows: nothing else, no test data.
 */
function shippable(dist: string): string[] {
  const json = readJson(join(dist, 'plugin.json'));
  const module = readFileSync(join(dist, 'module.js'), 'utf8');
  const chunks = filesUnder(dist)
    .map((f) => /^(\d+)\.js$/.exec(f)?.[1])
    .filter((id): id is string => id !== undefined && new RegExp(`\\.u\\(${id}\\)`).test(module))
    .flatMap((id) => [`${id}.js`, `${id}.js.map`]);
  const images = [
    json.info.logos.small,
    json.info.logos.large,
    ...(json.info.screenshots ?? []).map((s: { path: string }) => s.path),
  ];
  return [...new Set([...PLUGIN_FILES, ...chunks, ...images])].sort();
}

describe('dist/', () => {
  it('holds what Grafana and the plugin validator expect', () => {
    const dist = requireBuild();
    const json = readJson(join(dist, 'plugin.json'));
    expect(json.info.version).toBe(pkg.version);
    expect(json.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.buildMode).toBe('production');
    for (const file of [...PLUGIN_FILES, json.info.logos.small, json.info.logos.large]) {
      expect(existsSync(join(dist, file))).toBe(true);
    }
    expect(readFileSync(join(dist, json.info.logos.small), 'utf8')).toMatch(/^<svg[\s>]/);
    expect(readFileSync(join(dist, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(dist, 'README.md'), 'utf8')).not.toContain('create-plugin');
  });

  it('shows the catalogue screenshots plugin.json names, and the README Grafana shows uses them', () => {
    const dist = requireBuild();
    const shots: Array<{ name: string; path: string }> = readJson(join(dist, 'plugin.json')).info.screenshots;
    expect(shots.length).toBeGreaterThanOrEqual(2);
    const readme = readFileSync(join(dist, 'README.md'), 'utf8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    for (const shot of shots) {
      expect(shot.name.length).toBeGreaterThan(0);
      expect(readFileSync(join(dist, shot.path)).subarray(0, 4)).toEqual(png);
    }
    const shown = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(0);
    expect(shots.map((s) => s.path)).toEqual(expect.arrayContaining(shown));
  });

  it('holds only what Grafana loads plus README, CHANGELOG and LICENSE', () => {
    const dist = requireBuild();
    const zip = `${PLUGIN_ID}-${pkg.version}.zip`;
    expect(filesUnder(dist).filter((f) => f !== zip)).toEqual(shippable(dist));
  });

  it('packs a release zip with one folder named after the plugin id, holding only what dist/ may hold', () => {
    const zip = join(requireBuild(), `${PLUGIN_ID}-${pkg.version}.zip`);
    expect(existsSync(zip)).toBe(true);
    const entries = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    expect(new Set(entries.map((e) => e.split('/')[0]))).toEqual(new Set([PLUGIN_ID]));
    const files = entries.filter((e) => !e.endsWith('/')).map((e) => e.slice(PLUGIN_ID.length + 1));
    expect(files.sort()).toEqual(shippable(requireBuild()));
  });
});
