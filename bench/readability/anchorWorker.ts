import { parentPort, workerData } from 'node:worker_threads';
import { AnchorInput, cytoscapeDagre, elkLayered } from './anchorLayouts';

/** Runs one anchor layout off the bench's thread, so that one which takes too long can be stopped. */
const { anchor, input } = workerData as { anchor: 'elk' | 'dagre'; input: AnchorInput };
const run = (graph: AnchorInput) => Promise.resolve(anchor === 'elk' ? elkLayered(graph) : cytoscapeDagre(graph));
// A small graph first, so the figure is of a warm run (elkjs's first layout alone takes most of a second).
const WARM_UP: AnchorInput = {
  nodes: ['a', 'b', 'c'].map((id) => ({ id, group: id === 'c' ? 'other' : 'one' })),
  edges: [
    { id: 'ab', source: 'a', target: 'b' },
    { id: 'bc', source: 'b', target: 'c' },
  ],
};
run(WARM_UP)
  .then(() => run(input))
  .then(
    (picture) => parentPort!.postMessage({ picture }),
    (error: Error) => parentPort!.postMessage({ error: String(error?.stack ?? error) })
  );
