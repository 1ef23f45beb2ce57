// cytoscape-dagre ships no types; it is a cytoscape extension registered with cytoscape.use().
declare module 'cytoscape-dagre' {
  import type { Ext } from 'cytoscape';
  const register: Ext;
  export default register;
}
