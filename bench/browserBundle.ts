import { build } from 'esbuild';

/** Bundles a browser entry point into one script to inject into a benchmark page. */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    minify: true,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
