import { collapsedGroups, collapsePatch, expandPatch } from './expansion';

const groups = ['/a', '/b', '/c', ''];
const none = { collapsedNamespaces: [], expandedNamespaces: [] };
const sorted = (s: Set<string>) => [...s].sort();

describe('collapsedGroups', () => {
  it('expands every group of a mesh that reads at fit, and collapses every group of an overview', () => {
    expect(sorted(collapsedGroups(groups, false, none))).toEqual([]);
    // Nodes outside any namespace ('') are never folded.
    expect(sorted(collapsedGroups(groups, true, none))).toEqual(['/a', '/b', '/c']);
  });

  it('keeps what the user chose over either default', () => {
    const chosen = { collapsedNamespaces: ['/a'], expandedNamespaces: ['/b'] };
    expect(sorted(collapsedGroups(groups, false, chosen))).toEqual(['/a']);
    expect(sorted(collapsedGroups(groups, true, chosen))).toEqual(['/a', '/c']);
  });
});

describe('expandPatch and collapsePatch', () => {
  it('move a group from one list to the other, once, keeping the others', () => {
    const o = { collapsedNamespaces: ['/a', '/b'], expandedNamespaces: ['/c'] };
    expect(expandPatch('/a', o)).toEqual({ collapsedNamespaces: ['/b'], expandedNamespaces: ['/c', '/a'] });
    expect(expandPatch('/c', o)).toEqual({ collapsedNamespaces: ['/a', '/b'], expandedNamespaces: ['/c'] });
    expect(collapsePatch('/c', o)).toEqual({ collapsedNamespaces: ['/a', '/b', '/c'], expandedNamespaces: [] });
    expect(collapsePatch('/a', o)).toEqual(o);
  });

  it('round-trip: expanding then collapsing a group of the overview collapses it again', () => {
    const expanded = { ...none, ...expandPatch('/b', none) };
    expect(sorted(collapsedGroups(groups, true, expanded))).toEqual(['/a', '/c']);
    const again = { ...expanded, ...collapsePatch('/b', expanded) };
    expect(sorted(collapsedGroups(groups, true, again))).toEqual(['/a', '/b', '/c']);
  });
});
