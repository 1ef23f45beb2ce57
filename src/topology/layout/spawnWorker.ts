/**
 * Kept alone in its file: `import.meta.url` is what webpack needs to emit the worker as a chunk under the plugin's
 * public path, and what Jest's CommonJS transform cannot parse, so tests replace this module. The worker's chunk
 * would otherwise inherit the plugin's AMD library wrapper (`define(...)`), which a worker does not have: it threw
 * on its first line and every large mesh was laid out on the main thread by the fallback.
 */
export function spawnLayoutWorker(): Worker {
  return new Worker(/* webpackEntryOptions: { library: false } */ new URL('./layout.worker.ts', import.meta.url));
}
