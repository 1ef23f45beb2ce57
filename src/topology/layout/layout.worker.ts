import { layoutGraph } from './layered';
import { Layout, LayoutInput, LayoutOptions } from './types';

interface Request {
  id: number;
  input: LayoutInput;
  options: LayoutOptions;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: { id: number; layout: Layout }, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { id, input, options } = event.data;
  const layout = layoutGraph(input, options);
  scope.postMessage({ id, layout }, [layout.x.buffer, layout.y.buffer]);
};
