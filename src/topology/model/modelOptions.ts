import { TopologyOptions } from '../../options';

/**
 * The panel options the model reads, listed once: the view rebuilds the graph when one of them changes and only then
 * (dragging a node or switching the edge labels must not), and the model's functions are typed to read no other.
 */
export const MODEL_OPTIONS = [
  'nodeKind',
  'serviceNodes',
  'errorDegraded',
  'errorFailure',
  'count4xx',
  'latencyDegradedMs',
  'maxNodes',
  'queryRoles',
] as const satisfies ReadonlyArray<keyof TopologyOptions>;

export type ModelOptions = Pick<TopologyOptions, (typeof MODEL_OPTIONS)[number]>;
