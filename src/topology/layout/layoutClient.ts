import { layoutGraph } from './layered';
import { spawnLayoutWorker } from './spawnWorker';
import { packInput, transferables } from './transfer';
import { Layout, LayoutInput, LayoutOptions } from './types';

/** Below this many nodes the layout takes a few milliseconds: a worker round trip would cost more. */
export const WORKER_THRESHOLD = 400;

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 0;

function getWorker(): Worker | undefined {
  if (!worker && !workerBroken) {
    try {
      worker = spawnLayoutWorker();
    } catch {
      workerBroken = true;
    }
  }
  return worker;
}

/**
 * Lays the graph out off the main thread when it is large and a worker can start; synchronously otherwise, or if
 * the worker fails (CSP, missing chunk), so the picture always comes.
 */
export function computeLayout(input: LayoutInput, options: LayoutOptions): Promise<Layout> {
  const w = input.nodes.length >= WORKER_THRESHOLD ? getWorker() : undefined;
  if (!w) {
    return Promise.resolve(layoutGraph(input, options));
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    const fallback = () => {
      workerBroken = true;
      worker?.terminate();
      worker = undefined;
      cleanup();
      resolve(layoutGraph(input, options));
    };
    const onMessage = (event: MessageEvent<{ id: number; layout: Layout }>) => {
      if (event.data.id === id) {
        cleanup();
        resolve(event.data.layout);
      }
    };
    const cleanup = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', fallback);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', fallback);
    const packed = packInput(input);
    w.postMessage({ id, input: packed, options }, transferables(packed));
  });
}
