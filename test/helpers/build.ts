import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The dist/ folder; tests that read it run after `npm run build` (npm test does that), and say so when it is missing. */
export function requireBuild(): string {
  const dist = join(REPO_ROOT, 'dist');
  if (!existsSync(join(dist, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (npm test runs it before this layer)');
  }
  return dist;
}
