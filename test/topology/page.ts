/** Driving the Topology view on the preview page: open it, find nodes and edges, hover, read the tooltip. */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { buildDashboards, DEFAULT_CONFIG } from '../../dashboards';
import { substitute, targetsOf } from '../dashboards/walk';
import { openPage, waitForPreview } from '../helpers/chromium';
import type { TopologyTestHook } from '../../src/topology/canvas/testHook';

export type HookNode = ReturnType<TopologyTestHook['nodes']>[number];
export type HookEdge = ReturnType<TopologyTestHook['edges']>[number];

// Grafana serves its icons from public/build/img/icons; the preview page has no copy, and a 404 would show up as a
// console error that has nothing to do with the view.
const ICONS = '**/public/build/img/icons/**';
const BLANK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>';

/**
 * Asks the plugin for `window.__meshscopeTopology` on every page `target` opens from now on: the flag must be set
 * before the panel mounts. A string, not a function: tsx would wrap a function in helpers the page does not have.
 */
export const askForTestHook = (target: Page | BrowserContext) =>
  target.addInitScript('window.__meshscopeTestHook = true');

export interface TopologyPage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Messages of alert/confirm/prompt dialogs, which label values must never be able to open. */
  dialogs: string[];
}

/**
 * Opens the preview at `query`; with `frames`, feeds them instead of live queries. Waits for the first load. The
 * window is `viewport` (openPage's default when left out).
 */
export async function openTopology(
  browser: Browser,
  baseUrl: string,
  query: string,
  frames?: unknown[],
  viewport?: { width: number; height: number }
): Promise<TopologyPage> {
  const { page, errors } = await openPage(browser, viewport);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await askForTestHook(page);
  await page.route(ICONS, (route) => route.fulfill({ contentType: 'image/svg+xml', body: BLANK_SVG }));
  await page.goto(`${baseUrl}?view=topology&${query}`);
  await page.waitForFunction(() => window.meshscopePreview !== undefined);
  if (frames) {
    await page.evaluate((json) => window.meshscopePreview.setFrames(json as never), frames);
  }
  await waitForPreview(page);
  return { page, errors, dialogs };
}

/** Waits until the canvas is drawn and the hook reports a laid-out graph. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.getByTestId('meshscope-topology-canvas').waitFor();
  await page.waitForFunction(() => (window.__meshscopeTopology?.nodes().length ?? 0) > 0);
}

/**
 * Waits until the drawn scene has its final curves: a graph of more than 500 edges is drawn first with its fan of
 * straight and parallel edges while the curves are routed in slices (edgeRoutes.RouteMemo), then anew with them.
 */
export async function waitForRoutes(page: Page, timeoutMs = 120_000): Promise<void> {
  try {
    await page.waitForFunction(() => window.__meshscopeTopology?.routing() === false, undefined, {
      timeout: timeoutMs,
      polling: 'raf',
    });
  } catch (e) {
    throw new Error(`the panel was still routing its edges after ${timeoutMs / 1000} s (${String(e)})`);
  }
}

/**
 * Expands every namespace a large mesh's overview opened collapsed, as a user clicking each would (through the panel
 * options), and waits until the panel draws them: for tests of the whole mesh drawn node by node.
 */
export async function expandAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const groups = window
      .__meshscopeTopology!.nodes()
      .filter((n) => n.id.startsWith('ns:'))
      .map((n) => n.id.slice('ns:'.length));
    if (groups.length > 0) {
      window.meshscopePreview.setOptions({ topology: { expandedNamespaces: groups } });
    }
  });
  await page.waitForFunction(() => !window.__meshscopeTopology!.nodes().some((n) => n.id.startsWith('ns:')));
}

/** Opens the preview at `query` on live queries and waits for the drawn graph. */
export async function openGraph(browser: Browser, baseUrl: string, query: string): Promise<TopologyPage> {
  const t = await openTopology(browser, baseUrl, query);
  await waitForGraph(t.page);
  return t;
}

/** Closes the page, failing if it logged an error or opened a dialog on the way. */
export async function closeGraph(t: TopologyPage): Promise<void> {
  await t.page.close();
  if (t.errors.length > 0 || t.dialogs.length > 0) {
    throw new Error(
      `the page logged errors or opened dialogs: ${JSON.stringify({ errors: t.errors, dialogs: t.dialogs })}`
    );
  }
}

export const hookNodes = (page: Page) =>
  page.evaluate(() => window.__meshscopeTopology!.nodes()) as Promise<HookNode[]>;
export const hookEdges = (page: Page) =>
  page.evaluate(() => window.__meshscopeTopology!.edges()) as Promise<HookEdge[]>;

export async function nodeByLabel(page: Page, label: string): Promise<HookNode> {
  const node = (await hookNodes(page)).find((n) => n.label === label);
  if (!node) {
    throw new Error(`no node labelled ${label}`);
  }
  return node;
}

export interface TooltipContent {
  title: string;
  rows: Record<string, string>;
}

/** Hovers a page point and returns the tooltip shown there, or undefined when none appears. */
export async function hoverAt(page: Page, x: number, y: number): Promise<TooltipContent | undefined> {
  // Leaving first makes every hover a fresh pointer entry, as when a user moves from one edge to another.
  await page.mouse.move(1, 1);
  await page.mouse.move(x, y);
  const tooltip = page.getByTestId('meshscope-topology-tooltip');
  try {
    await tooltip.waitFor({ timeout: 2_000 });
  } catch {
    return undefined;
  }
  return tooltip.evaluate((el) => ({
    title: el.firstElementChild?.textContent ?? '',
    rows: Object.fromEntries(
      [...el.querySelectorAll('tr')].map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent])
    ),
  }));
}

/** The Mesh dashboard's own topology queries, instant tables over every cluster and namespace, rated over `window`. */
export function meshTopologyQueries(windowS: number) {
  const mesh = buildDashboards(DEFAULT_CONFIG).find((d) => d.uid === 'meshscope-mesh')!;
  return targetsOf(mesh)
    .filter((target) => target.panel === 'Mesh topology')
    .map((target) => ({
      refId: target.refId,
      expr: substitute(target.expr, { cluster: '.*', namespace: '.*' }, `${windowS}s`),
      format: 'table',
      instant: true,
    }));
}
