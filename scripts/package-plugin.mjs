// Packs dist/ as Grafana expects a plugin archive: meshscope-mesh-panel-<version>.zip holding one folder named after
// the plugin id (what `grafana cli --pluginUrl` and the Helm chart's `plugins:` list unpack).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const { id, info } = JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8'));
const zipName = `${id}-${info.version}.zip`;

const { files } = JSON.parse(readFileSync(join(import.meta.dirname, 'plugin-files.json'), 'utf8'));
for (const required of [...files, 'img/logo.svg']) {
  if (!existsSync(join(dist, required))) {
    throw new Error(`dist/${required} is missing: the archive would not be a valid Grafana plugin`);
  }
}

const stage = mkdtempSync(join(tmpdir(), 'meshscope-zip-'));
try {
  cpSync(dist, join(stage, id), { recursive: true, filter: (src) => !src.endsWith('.zip') });
  const target = join(dist, zipName);
  rmSync(target, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', target, id], { cwd: stage, stdio: 'inherit' });
  console.log(`packed ${zipName}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
