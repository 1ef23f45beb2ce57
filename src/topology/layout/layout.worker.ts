import { layoutGraph } from './layered';
import { PackedInput, unpackInput } from './transfer';
import { Layout, LayoutOptions } from './types';

interface Request {
  id: number;
  input: PackedInput;
  options: LayoutOptions;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: { id: number; layout: Layout }, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { id, input, options } = event.data;
  const layout = layoutGraph(unpackInput(input), options);
  scope.postMessage({ id, layout }, [layout.x.buffer, layout.y.buffer]);
};
