import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { PLUGIN_PUBLIC_PATH } from '../helpers/grafanaSharedModules';
import { GrafanaHost, grafanaVersion, hostModules } from './grafanaHosts';

/**
 * The preview page: stands in for Grafana (which cannot run here) around the real built plugin. It serves
 * dist/ at Grafana's plugin path, SystemJS with its AMD extra as Grafana loads plugins, a host bundle that offers
 * Grafana's shared modules and renders the panel in Grafana's PanelChrome and theme, data fixtures, and a
 * same-origin proxy to a live Prometheus.
 */
export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Base URL of a Prometheus to proxy at /api/prom (live data); omit for fixtures only. */
  prometheusUrl?: string;
  /** Whose shared modules the page offers the plugin: Grafana 13 (React 19, the default) or Grafana 12 (React 18). */
  grafana?: GrafanaHost;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(__dirname, 'fixtures');
const SYSTEMJS = join(ROOT, 'node_modules', 'systemjs', 'dist');
// Grafana serves Inter and Roboto Mono from public/fonts/ (GlobalStyles/fonts.ts); the same faces come from
// @fontsource here, so text in screenshots has Grafana's metrics.
const FONTSOURCE = join(ROOT, 'node_modules', '@fontsource');
const FONTS: Record<string, string> = {
  'inter/Inter-Regular.woff2': 'inter/files/inter-latin-400-normal.woff2',
  'inter/Inter-Medium.woff2': 'inter/files/inter-latin-500-normal.woff2',
  'inter/Inter-Italic.woff2': 'inter/files/inter-latin-400-italic.woff2',
  'inter/Inter-MediumItalic.woff2': 'inter/files/inter-latin-500-italic.woff2',
};
const ROBOTO_MONO = 'roboto-mono/files/roboto-mono-latin-400-normal.woff2';

// Grafana serves its icon set (unicons, copied from @iconscout/unicons at Grafana's build) from public/build/img;
// that package pulls in some 220 more here, so icons outside @grafana/ui's own few are drawn as a neutral
// placeholder of the same size.
const GRAFANA_ICONS = join(ROOT, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');
const PLACEHOLDER_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="5" y="5" width="14" height="14" rx="3" fill="none" stroke="currentColor" stroke-width="2"/></svg>';

const TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

async function buildHost(grafana: GrafanaHost): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'host', 'main.tsx')],
    bundle: true,
    write: false,
    outdir: 'preview-host',
    // Stylesheets and fonts of components the panel never shows (Monaco, date pickers): Grafana's own look comes
    // from emotion, which needs none of them.
    loader: { '.css': 'empty', '.ttf': 'empty', '.woff': 'empty', '.woff2': 'empty' },
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    // UMD libraries inside the host (lodash among them) must not see SystemJS's global AMD `define` and register
    // themselves with it instead of exporting; Grafana's own webpack build turns AMD parsing off likewise.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', define: 'undefined' },
    plugins: [hostModules(grafana)],
    logLevel: 'error',
  });
  return result.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Serves a file below `dir`, refusing paths that climb out of it; `missing` answers when there is no such file. */
async function sendFile(
  res: ServerResponse,
  dir: string,
  relative: string,
  missing = () => send(res, 404, `not found: ${relative}`)
) {
  const path = normalize(join(dir, decodeURIComponent(relative)));
  if (!path.startsWith(dir)) {
    return send(res, 403, 'forbidden');
  }
  try {
    send(res, 200, await readFile(path), TYPES[extname(path)] ?? 'application/octet-stream');
  } catch {
    missing();
  }
}

async function proxy(req: IncomingMessage, res: ServerResponse, base: string | undefined, path: string) {
  if (!base) {
    return send(res, 503, 'the preview was started without --prometheus, so there is no live data');
  }
  try {
    const upstream = await fetch(new URL(path, base.endsWith('/') ? base : `${base}/`));
    send(
      res,
      upstream.status,
      Buffer.from(await upstream.arrayBuffer()),
      upstream.headers.get('content-type') ?? 'application/json'
    );
  } catch (error) {
    send(res, 502, `Prometheus at ${base} did not answer: ${(error as Error).message}`);
  }
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const grafana = options.grafana ?? '13';
  const [host, html] = await Promise.all([buildHost(grafana), readFile(join(__dirname, 'host', 'index.html'), 'utf8')]);
  const page = html.replace('GRAFANA_VERSION', grafanaVersion(grafana));
  const pluginPath = `/${PLUGIN_PUBLIC_PATH}`;

  const server = createServer(async (req, res) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://preview');
    if (pathname === '/' || pathname === '/index.html') {
      return send(res, 200, page, TYPES['.html']);
    }
    if (pathname === '/host.js') {
      return send(res, 200, host, TYPES['.js']);
    }
    if (pathname === '/config.json') {
      const fixtures = (await readdir(FIXTURES).catch(() => []))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5));
      return send(res, 200, JSON.stringify({ live: Boolean(options.prometheusUrl), fixtures }), TYPES['.json']);
    }
    if (pathname.startsWith(pluginPath)) {
      return sendFile(res, DIST, pathname.slice(pluginPath.length));
    }
    if (pathname.startsWith('/public/fonts/')) {
      const font = pathname.slice('/public/fonts/'.length);
      return sendFile(res, FONTSOURCE, FONTS[font] ?? (font.startsWith('roboto/') ? ROBOTO_MONO : font));
    }
    const icon = /^\/public\/(?:build\/)?img\/icons\/(.+\.svg)$/.exec(pathname);
    if (icon) {
      return sendFile(res, GRAFANA_ICONS, icon[1], () => send(res, 200, PLACEHOLDER_ICON, TYPES['.svg']));
    }
    if (pathname.startsWith('/systemjs/')) {
      return sendFile(res, SYSTEMJS, pathname.slice('/systemjs/'.length));
    }
    if (pathname.startsWith('/fixtures/')) {
      return sendFile(res, FIXTURES, pathname.slice('/fixtures/'.length));
    }
    if (pathname.startsWith('/api/prom/')) {
      return proxy(req, res, options.prometheusUrl, pathname.slice('/api/prom/'.length) + search);
    }
    send(res, 404, `not found: ${pathname}`);
  });

  await new Promise<void>((ok, fail) =>
    server.once('error', fail).listen(options.port ?? 0, options.host ?? '127.0.0.1', ok)
  );
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
