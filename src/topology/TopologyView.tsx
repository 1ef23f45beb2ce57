import React, { useCallback, useMemo } from 'react';
import { PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { DEFAULT_OPTIONS, MeshPanelOptions, TopologyOptions } from '../options';
import { PanelMessage } from '../components/PanelMessage';
import { framesToGraph } from './model/framesToGraph';
import { MODEL_OPTIONS } from './model/modelOptions';
import { getStyles } from './styles';
import { TopologyCanvas } from './TopologyCanvas';
import { useLayout } from './useLayout';
import { WORST_EDGES_WIDTH } from './WorstEdges';

/** Height of the toolbar above the canvas, one row of controls: the drawing gets the rest of the panel. */
const TOOLBAR_HEIGHT = 40;

/**
 * The canvas's width / height, in steps of 0.1 so that resizing a panel re-lays the graph out only when its shape
 * changes visibly, not on every pixel.
 */
function drawingAspect(width: number, height: number): number | undefined {
  const aspect = width / (height - TOOLBAR_HEIGHT);
  return Number.isFinite(aspect) && aspect > 0 ? Math.min(10, Math.max(0.1, Math.round(aspect * 10) / 10)) : undefined;
}

/** The Topology view: frames → graph (pure model) → layout (worker for large graphs) → canvas. */
export function TopologyView({ data, options, onOptionsChange, width, height }: PanelProps<MeshPanelOptions>) {
  const styles = useStyles2(getStyles);
  const topology = useMemo(() => ({ ...DEFAULT_OPTIONS.topology, ...options.topology }), [options.topology]);
  // Only the options the model reads, by value: dragging a node or changing the label mode must not rebuild the graph.
  const modelOptions = JSON.stringify(MODEL_OPTIONS.map((name) => topology[name]));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const graph = useMemo(() => framesToGraph(data.series, topology), [data.series, modelOptions]);
  const drawingWidth = topology.worstEdges ? width - WORST_EDGES_WIDTH : width;
  const laid = useLayout(graph, topology.pinned, topology.hideIdleEdges, drawingAspect(drawingWidth, height));
  const onChange = useCallback(
    (patch: Partial<TopologyOptions>) => onOptionsChange({ ...options, topology: { ...topology, ...patch } }),
    [onOptionsChange, options, topology]
  );

  if (graph.nodes.length === 0) {
    return (
      <PanelMessage
        title="No traffic to draw"
        detail={graph.notices.join(' ') || 'The queries returned no series between two endpoints.'}
      />
    );
  }
  const notices = graph.degraded ? [graph.degraded, ...graph.notices] : graph.notices;
  return (
    <div className={styles.root} data-testid="meshscope-topology">
      {notices.length > 0 && (
        <div className={styles.notice} data-testid="meshscope-topology-notice">
          {notices.join(' ')}
        </div>
      )}
      {laid ? (
        <TopologyCanvas
          graph={laid.graph}
          layout={laid.layout}
          options={topology}
          onChange={onChange}
          size={{ width: drawingWidth, height: height - TOOLBAR_HEIGHT }}
        />
      ) : (
        <PanelMessage
          title="Laying out the mesh…"
          detail={`${graph.nodes.length} nodes, ${graph.edges.length} edges`}
        />
      )}
    </div>
  );
}
