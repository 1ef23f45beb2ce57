/**
 * A large mesh is laid out in the layout worker, in real Chromium on the preview page (the built plugin, loaded as
 * Grafana loads it). The worker's chunk is built with the plugin's AMD wrapper unless told otherwise, and a worker
 * has no `define`: it then fails as it starts, the panel lays the mesh out on the main thread instead, and only the
 * first frame's time shows it. So this checks the worker itself: it started, installed its handler, answered, and
 * is still running once the mesh is drawn (the fallback terminates it).
 */
import '../preview/prometheus/node-dom';
import { dataFrameToJSON } from '@grafana/data';
import { Worker } from 'playwright-core';
import { WORKER_THRESHOLD } from '../../src/topology/layout/layoutClient';
import { syntheticMesh } from '../support/syntheticMesh';
import { openPage } from '../helpers/chromium';
import { previewInChromium } from '../helpers/previewSession';
import { askForTestHook, expandAll, hookNodes, waitForGraph } from '../topology/page';

const session = previewInChromium();
const NODES = 1_000;

test(`lays out a mesh of ${NODES} nodes (over ${WORKER_THRESHOLD}) in the worker, which keeps running`, async () => {
  const { page, errors } = await openPage(session.browser);
  await askForTestHook(page);
  await page.goto(`${session.preview.url}?view=topology&width=1400&height=850`);
  await page.waitForFunction(() => window.meshscopePreview !== undefined);
  const workers: Worker[] = [];
  const closed: Worker[] = [];
  page.on('worker', (w) => {
    workers.push(w);
    w.on('close', () => closed.push(w));
  });
  const mesh = syntheticMesh(NODES);
  await page.evaluate((json) => window.meshscopePreview.setFrames(json as never), mesh.frames.map(dataFrameToJSON));
  await waitForGraph(page);
  // It opens as the overview; expanded, it draws every node where the worker laid it out.
  await expandAll(page);
  expect((await hookNodes(page)).length).toBe(NODES);

  // The layout resolves only with the worker's answer or, on a worker error, by the fallback that terminates it.
  expect({ workers: workers.length, closed: closed.length }).toEqual({ workers: 1, closed: 0 });
  // The chunk ran to its end: a worker that threw on its first line (`define is not defined`) has no handler.
  expect(await workers[0].evaluate(() => typeof self.onmessage)).toBe('function');
  expect(errors).toEqual([]);
  await page.close();
});
