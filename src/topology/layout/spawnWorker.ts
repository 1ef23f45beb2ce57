/**
 * Kept alone in its file: `import.meta.url` is what webpack needs to emit the worker as a chunk under the plugin's
 * public path, and what Jest's CommonJS transform cannot parse, so tests replace this module.
 */
export function spawnLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url));
}
