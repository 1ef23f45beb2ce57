/**
 * Writing the generated files: all or nothing, and the drift check CI runs.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Files this generator owns in the dashboards directory; anything else there is carried over untouched. */
const OWNED = /^(meshscope-[a-z-]+\.json|meshscope\.yaml)$/;

/** Which entries of an output directory the generator owns; the provisioning generators own whole directories. */
export type Owned = (name: string) => boolean;
export const OWNS_ALL: Owned = () => true;
const ownsDashboards: Owned = (name) => OWNED.test(name);

/**
 * Makes `dir` hold exactly `files` (plus whatever non-generated files it had). The new directory is assembled
 * beside it and swapped in with two renames, so a failure at any point leaves the old directory as it was.
 */
export function writeAtomically(dir: string, files: Map<string, string>, owned: Owned = ownsDashboards): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(dir)}-new-`));
  const old = `${staging.replace('-new-', '-old-')}`;
  try {
    // mkdtemp makes 0700; keep the old directory's permissions (Grafana often reads as another user).
    chmodSync(staging, existsSync(dir) ? statSync(dir).mode & 0o777 : 0o755);
    if (existsSync(dir)) {
      for (const name of readdirSync(dir)) {
        if (!owned(name)) {
          cpSync(join(dir, name), join(staging, name), { recursive: true });
        }
      }
    }
    for (const [name, text] of files) {
      // Names may hold sub-directories (kubernetes/dashboards/…).
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), text);
    }
    if (existsSync(dir)) {
      renameSync(dir, old);
    }
    try {
      renameSync(staging, dir);
    } catch (e) {
      if (existsSync(old)) {
        renameSync(old, dir);
      }
      throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

/** Replaces one file by renaming a finished copy over it, so a reader sees the old text or the new, never half. */
export function writeFileAtomically(path: string, text: string): void {
  const staging = join(dirname(path), `.${basename(path)}-new-${process.pid}`);
  try {
    writeFileSync(staging, text);
    renameSync(staging, path);
  } finally {
    rmSync(staging, { force: true });
  }
}

/** Files in `dir` that differ from `files`: changed, missing, or generated earlier but no longer produced. */
export function drift(dir: string, files: Map<string, string>, owned: Owned = ownsDashboards): string[] {
  const differ: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      differ.push(path);
    }
  }
  if (existsSync(dir)) {
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) =>
      statSync(join(dir, n)).isFile()
    );
    for (const name of names) {
      if (owned(name) && !files.has(name)) {
        differ.push(join(dir, name));
      }
    }
  }
  return differ.sort();
}
