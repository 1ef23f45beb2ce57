/**
 * The browser-test hook is opt-in: the built plugin, loaded as Grafana loads it, sets `window.__meshscopeTopology`
 * only on a page that asked for it before the panel mounted, so users' pages never get it.
 */
import { openPage, waitForPreview } from '../helpers/chromium';
import { previewInChromium } from '../helpers/previewSession';
import { askForTestHook, hookNodes, waitForGraph } from '../topology/page';

const session = previewInChromium();
const URL_QUERY = '?view=topology&fixture=istio-requests-instant-table';

test('a page that did not ask for the test hook gets no window global from the panel', async () => {
  const { page } = await openPage(session.browser);
  await page.goto(`${session.preview.url}${URL_QUERY}`);
  await waitForPreview(page);
  await page.getByTestId('meshscope-topology-canvas').waitFor();
  // Two animation frames: the panel has drawn and run its effects.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__meshscope')))).toEqual([]);
  await page.close();
});

test('a page that asked for it gets the hook, with the drawn nodes', async () => {
  const { page } = await openPage(session.browser);
  await askForTestHook(page);
  await page.goto(`${session.preview.url}${URL_QUERY}`);
  await waitForPreview(page);
  await waitForGraph(page);
  const nodes = await hookNodes(page);
  const label = await page.getByTestId('meshscope-topology-canvas').getAttribute('aria-label');
  expect(label).toBe(
    `Mesh topology: ${nodes.length} nodes, ${await page.evaluate(() => window.__meshscopeTopology!.edges().length)} edges`
  );
  await page.close();
});
