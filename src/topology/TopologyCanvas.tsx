import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { TopologyOptions } from '../options';
import { SceneTooltip } from './canvas/SceneTooltip';
import { nodeMenuContent, MenuTarget } from './canvas/nodeMenuActions';
import { useTestHook } from './canvas/testHook';
import { Toolbar } from './canvas/Toolbar';
import { useAutoFit } from './canvas/useAutoFit';
import { useExpansion } from './canvas/useExpansion';
import { CanvasSize, useCanvasSize } from './canvas/useCanvasSize';
import { useFocus } from './canvas/useFocus';
import { Click, useGestures } from './canvas/useGestures';
import { Hover, NO_HOVER, useHoverOverlay } from './canvas/useHoverOverlay';
import { usePainter } from './canvas/usePainter';
import { useSearch, useShowFirstMatch } from './canvas/useSearch';
import { useTrafficAnimation } from './canvas/useTrafficAnimation';
import { useWorstEdges } from './canvas/useWorstEdges';
import { download, downloadJson, graphToJson } from './exportGraph';
import { Layout } from './layout/types';
import { linksFor } from './links';
import { TopologyGraph } from './model/types';
import { MenuAction, NodeMenu } from './NodeMenu';
import { sceneStyle } from './render/palette';
import { RouteMemo } from './render/edgeRoutes';
import { buildScene } from './render/scene';
import { Viewport } from './render/viewport';
import { getStyles } from './styles';
import { WorstEdges } from './WorstEdges';

interface Props {
  /** The whole mesh and its layout; collapsed groups are folded here, in the canvas. */
  graph: TopologyGraph;
  layout: Layout;
  options: TopologyOptions;
  onChange: (patch: Partial<TopologyOptions>) => void;
  /** The drawing's size, CSS pixels, before the canvas has measured itself. */
  size: CanvasSize;
}

type Menu = MenuTarget & { x: number; y: number };

/** The mesh on a canvas: wires the scene to the painter, the gestures, search, fit, the menu and the toolbar. */
export function TopologyCanvas({ graph: mesh, layout: meshLayout, options, onChange, size }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const style = useMemo(() => sceneStyle(theme, options.colorBlind), [theme, options.colorBlind]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<Viewport>({ x: 0, y: 0, k: 1 });
  const sizeRef = useRef<CanvasSize>({ width: 0, height: 0 });
  const expansion = useExpansion({ graph: mesh, layout: meshLayout, options, onChange, size, viewportRef });
  const { graph, layout } = expansion;
  // Bumped when curves chosen in slices are ready, so the scene is built again with them.
  const [routed, setRouted] = useState(0);
  const routes = useMemo(() => new RouteMemo(() => setRouted((n) => n + 1)), []);
  useEffect(() => () => routes.stop(), [routes]);
  const { width, height } = size;
  // `provisional`: this scene's curves are the fan drawn while the memo routes them in slices.
  const { scene, provisional } = useMemo(
    () => ({
      scene: buildScene(
        graph,
        layout,
        style.colors,
        options.edgeLabel,
        options.hideIdleEdges,
        options.groupNamespaces,
        {
          memo: routes,
          room: { width, height },
        }
      ),
      provisional: routes.pending(),
    }),
    // The size's numbers, not the object: the view passes a new one each render; `routed` says the memo's routes
    // changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      graph,
      layout,
      style,
      options.edgeLabel,
      options.hideIdleEdges,
      options.groupNamespaces,
      routes,
      routed,
      width,
      height,
    ]
  );
  const [hover, setHover] = useState<Hover>(NO_HOVER);
  const [menu, setMenu] = useState<Menu>();

  const { paintHover, invalidate } = useHoverOverlay({ overlayRef, scene, style, hover, viewportRef, sizeRef });
  const search = useSearch(scene);
  const focus = useFocus(scene);
  const painter = usePainter({
    canvasRef,
    scene: focus.painted,
    style,
    highlighted: search.found,
    viewportRef,
    sizeRef,
    paintHover,
  });
  const { fit, fitIfNew, centreOnEdge } = useAutoFit({
    scene,
    fitKey: expansion.fitKey,
    viewportRef,
    sizeRef,
    requestDraw: painter.requestDraw,
  });
  useCanvasSize(boxRef, [canvasRef, overlayRef], sizeRef, () => {
    invalidate();
    fitIfNew();
    painter.requestDraw();
  });
  // After the fit: a new mesh is fitted first, then its first match centred.
  const showFirst = useShowFirstMatch({ found: search.found, scene, viewportRef, sizeRef, moveTo: painter.moveTo });
  useTrafficAnimation(options.animate, painter.animate);
  const worst = useWorstEdges({ scene, enabled: options.worstEdges, centreOnEdge, sizeRef, hover, setHover });
  const routing = useCallback(() => provisional, [provisional]);
  // setViewport takes the path of a wheel or drag step, so the benchmark measures what a gesture costs.
  useTestHook(canvasRef, scene, viewportRef, {
    fit,
    setViewport: painter.moveTo,
    draws: painter.draws,
    routing,
    labels: painter.labels,
    ...worst.forTests,
    focus: focus.forTests,
  });

  const onDrop = useCallback(
    (i: number) => onChange({ pinned: { ...options.pinned, [scene.nodes[i].id]: { x: scene.x[i], y: scene.y[i] } } }),
    [onChange, options.pinned, scene]
  );
  const { onClick: expandOrCollapse, onZoom } = expansion;
  const onClick = useCallback(
    (click: Click) => {
      const { node, edge, x, y } = click;
      setMenu(
        expandOrCollapse(click) ? undefined : node >= 0 ? { node, x, y } : edge >= 0 ? { edge, x, y } : undefined
      );
    },
    [expandOrCollapse]
  );
  const gestures = useGestures({
    canvasRef,
    scene,
    viewportRef,
    moveTo: painter.moveTo,
    requestDraw: painter.requestDraw,
    hover,
    setHover,
    onDrop,
    onClick,
    onZoom,
  });

  const content = menu && nodeMenuContent(scene, menu, options);
  const menuNode = menu?.node ?? -1;
  const focusAction: MenuAction[] =
    menuNode < 0
      ? []
      : [
          {
            id: 'focus',
            label: menuNode === focus.node ? 'Leave focus' : 'Focus on neighbourhood',
            run: () => (focus.toggle(menuNode), setMenu(undefined)),
          },
        ];
  return (
    <>
      <Toolbar
        query={search.query}
        onQuery={search.setQuery}
        found={search.found.size}
        onSearch={showFirst}
        onFit={fit}
        focus={focus.node >= 0 ? { hops: focus.hops, onHops: focus.setHops, onLeave: focus.leave } : undefined}
        onExportPng={() => download('mesh-topology.png', canvasRef.current!.toDataURL('image/png'))}
        onExportJson={() => downloadJson('mesh-topology.json', graphToJson(graph, scene))}
        legendStyle={style}
        className={styles.toolbar}
        legendClassName={styles.legend}
      />
      <div className={styles.body}>
        <div className={styles.canvasBox} ref={boxRef}>
          <canvas
            ref={canvasRef}
            className={styles.canvas}
            data-testid="meshscope-topology-canvas"
            aria-label={`Mesh topology: ${scene.nodes.length} nodes, ${scene.edges.length} edges`}
            {...gestures}
          />
          <canvas ref={overlayRef} className={styles.overlay} data-testid="meshscope-topology-hover" aria-hidden />
          {!menu && <SceneTooltip scene={scene} hover={hover} className={styles.tooltip} />}
          {menu && content && (
            <NodeMenu
              title={content.title}
              links={linksFor(content.linked, options)}
              actions={[
                ...content.actions.map((a) => ({
                  id: a.id,
                  label: a.label,
                  run: () => (onChange(a.patch), setMenu(undefined)),
                })),
                ...focusAction,
              ]}
              x={menu.x}
              y={menu.y}
              className={styles.menu}
              onClose={() => setMenu(undefined)}
            />
          )}
        </div>
        {options.worstEdges && (
          <WorstEdges rows={worst.rows} selected={worst.picked} onSelect={worst.pick} className={styles.worstEdges} />
        )}
      </div>
    </>
  );
}
