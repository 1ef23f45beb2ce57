import { layoutInput } from './fromGraph';
import { layoutGraph } from './layered';
import { packInput, transferables, unpackInput } from './transfer';
import { LayoutInput } from './types';
import { framesToGraph } from '../model/framesToGraph';
import { DEFAULT_OPTIONS } from '../../options';
import { syntheticMesh } from '../../../test/support/syntheticMesh';

const small: LayoutInput = {
  nodes: [
    { id: 'a', group: 'c1/ns', cluster: 'c1', entry: true },
    { id: 'b', group: 'c1/ns', cluster: 'c1', entry: false },
    { id: 'c', group: '', entry: false },
  ],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'b' },
    { source: 'b', target: 'c' },
  ],
};

describe('packInput / unpackInput', () => {
  it('gives back the same nodes and edges', () => {
    expect(unpackInput(packInput(small))).toEqual(small);
  });

  it('leaves out an edge to a node the input does not have, as the layout does', () => {
    const input = { ...small, edges: [...small.edges, { source: 'a', target: 'gone' }] };
    const packed = packInput(input);
    expect(Array.from(packed.from)).toEqual([0, 1, 1]);
    expect(Array.from(packed.to)).toEqual([1, 1, 2]);
    expect(layoutGraph(unpackInput(packed), { pinned: {} })).toEqual(layoutGraph(input, { pinned: {} }));
  });

  it('lays a 1,000-node mesh out exactly as its unpacked input, with the edge arrays moved', () => {
    const input = layoutInput(framesToGraph(syntheticMesh(1000).frames, DEFAULT_OPTIONS.topology), false);
    const packed = packInput(input);
    expect(transferables(packed)).toEqual([packed.entry.buffer, packed.from.buffer, packed.to.buffer]);
    expect(layoutGraph(unpackInput(packed), { pinned: {}, aspect: 1.5 })).toEqual(
      layoutGraph(input, { pinned: {}, aspect: 1.5 })
    );
  });
});
