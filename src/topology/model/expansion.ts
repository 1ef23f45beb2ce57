import { TopologyOptions } from '../../options';

/** The options that say which groups (cluster/namespace keys) are drawn as one node. */
export type ExpansionOptions = Pick<TopologyOptions, 'collapsedNamespaces' | 'expandedNamespaces'>;

/**
 * Which of `groups` are drawn collapsed. The user's own choice wins: a group they collapsed stays collapsed, one they
 * expanded stays expanded. Any other group follows the picture's default: collapsed in the overview (the mesh is too
 * large to read at fit), expanded otherwise, so a small mesh opens as it always did.
 */
export function collapsedGroups(groups: Iterable<string>, overview: boolean, o: ExpansionOptions): Set<string> {
  const collapsed = new Set(o.collapsedNamespaces);
  const expanded = new Set(o.expandedNamespaces);
  const result = new Set<string>();
  for (const g of groups) {
    if (g !== '' && (collapsed.has(g) || (overview && !expanded.has(g)))) {
      result.add(g);
    }
  }
  return result;
}

const adding = (list: string[], group: string) => (list.includes(group) ? list : [...list, group]);
const removing = (list: string[], group: string) => list.filter((g) => g !== group);

/** The options change that expands `group`, remembered whatever the default becomes when the panel is resized. */
export function expandPatch(group: string, o: ExpansionOptions): ExpansionOptions {
  return {
    collapsedNamespaces: removing(o.collapsedNamespaces, group),
    expandedNamespaces: adding(o.expandedNamespaces, group),
  };
}

/** The options change that collapses `group`, likewise. */
export function collapsePatch(group: string, o: ExpansionOptions): ExpansionOptions {
  return {
    collapsedNamespaces: adding(o.collapsedNamespaces, group),
    expandedNamespaces: removing(o.expandedNamespaces, group),
  };
}
