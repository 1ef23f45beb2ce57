import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, useStyles2, useTheme2 } from '@grafana/ui';
import { TopologyOptions } from '../options';
import { downloadJson, download, graphToJson } from './exportGraph';
import { Legend } from './Legend';
import { linksFor } from './links';
import { Layout } from './layout/types';
import { namespaceKey } from './model/identity';
import { TopologyGraph } from './model/types';
import { MenuAction, NodeMenu } from './NodeMenu';
import { edgeAt, nodeAt } from './render/hitTest';
import { sceneStyle, SceneStyle } from './render/palette';
import { area, FrameCache, Rect } from './render/frameCache';
import { renderHover, renderScene } from './render/renderScene';
import { buildScene, moveNode, Scene } from './render/scene';
import { centerOn, fitViewport, toWorld, Viewport, zoomAt } from './render/viewport';
import { getStyles } from './styles';
import { edgeRows, nodeRows, Tooltip } from './Tooltip';
import { exposeForTests } from './testHook';

interface Props {
  graph: TopologyGraph;
  layout: Layout;
  options: TopologyOptions;
  onChange: (patch: Partial<TopologyOptions>) => void;
}

type Pointer =
  | { kind: 'pan'; sx: number; sy: number; vp: Viewport; moved: boolean }
  | { kind: 'drag'; node: number; moved: boolean; sx: number; sy: number };
type Hover = { node: number; edge: number; x: number; y: number };
type Menu = { node?: number; edge?: number; x: number; y: number };

const CLICK_SLOP = 4;
/** Quiet time after the last pan or zoom step before the scene is drawn crisp again. */
const SETTLE_MS = 150;
/** Once the uncovered bands reach this share of the canvas, the moved frame becomes the one kept. */
const REBASE_SHARE = 0.05;

export function TopologyCanvas({ graph, layout, options, onChange }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const style = useMemo(() => sceneStyle(theme, options.colorBlind), [theme, options.colorBlind]);
  const scene = useMemo(
    () => buildScene(graph, layout, style.colors, options.edgeLabel, options.hideIdleEdges, options.groupNamespaces),
    [graph, layout, style, options.edgeLabel, options.hideIdleEdges, options.groupNamespaces]
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const viewport = useRef<Viewport>({ x: 0, y: 0, k: 1 });
  const size = useRef({ width: 0, height: 0 });
  const pointer = useRef<Pointer>();
  const frame = useRef(0);
  const fullPending = useRef(false);
  const settle = useRef<number>();
  const cache = useRef(new FrameCache());
  const phase = useRef<number>();
  const draws = useRef(0);
  const [hover, setHover] = useState<Hover>({ node: -1, edge: -1, x: 0, y: 0 });
  const [menu, setMenu] = useState<Menu>();
  const [query, setQuery] = useState('');
  const highlighted = useMemo(() => {
    const q = query.trim().toLowerCase();
    const found = new Set<number>();
    if (q !== '') {
      scene.nodes.forEach(
        (n, i) => (n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)) && found.add(i)
      );
    }
    return found;
  }, [query, scene]);

  /** Draws the scene, the whole canvas or only `region`; returns false when there is no canvas to draw on. */
  const paint = useCallback(
    (region?: Rect) => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) {
        return false;
      }
      const { width, height } = size.current;
      renderScene(ctx, scene, viewport.current, style, {
        width,
        height,
        dpr: window.devicePixelRatio || 1,
        highlighted,
        phase: phase.current,
        region,
      });
      draws.current += region ? 0 : 1;
      return true;
    },
    [scene, style, highlighted]
  );

  const hoverRef = useRef(hover);
  /**
   * What the overlay shows, so painting the same again is skipped: draw() runs 30 times a second while traffic is
   * animated, and the hover rarely changes meanwhile. Cleared when resizing clears the canvas.
   */
  const painted = useRef<{ scene: Scene; style: SceneStyle; key: string }>();
  /** The hover highlight, on its own canvas: redrawn when the hover or the viewport changes, never the scene. */
  const paintHover = useCallback(() => {
    const ctx = overlayRef.current?.getContext('2d');
    if (ctx) {
      const { width, height } = size.current;
      const { node, edge } = hoverRef.current;
      const { x, y, k } = viewport.current;
      const dpr = window.devicePixelRatio || 1;
      const key = `${x} ${y} ${k} ${width} ${height} ${dpr} ${node} ${edge}`;
      const last = painted.current;
      if (last?.scene === scene && last.style === style && last.key === key) {
        return;
      }
      painted.current = { scene, style, key };
      renderHover(ctx, scene, viewport.current, style, { width, height, dpr, node, edge });
    }
  }, [scene, style]);
  useEffect(() => {
    hoverRef.current = hover;
    paintHover();
  }, [hover, paintHover]);

  const draw = useCallback(() => {
    clearTimeout(settle.current);
    if (paint() && phase.current === undefined) {
      cache.current.store(canvasRef.current!, viewport.current);
    } else {
      cache.current.clear();
    }
    paintHover();
  }, [paint, paintHover]);

  // A viewport change while panning or zooming: the last full frame moved, plus the bands it uncovers; the whole
  // scene is drawn again once the gesture has stopped for SETTLE_MS.
  const drawMoved = useCallback(() => {
    const canvas = canvasRef.current;
    const rects =
      canvas && phase.current === undefined
        ? cache.current.drawMoved(canvas, viewport.current, window.devicePixelRatio || 1)
        : undefined;
    if (!rects) {
      draw();
      return;
    }
    rects.forEach((r) => paint(r));
    paintHover();
    if (area(rects) > REBASE_SHARE * size.current.width * size.current.height) {
      cache.current.store(canvas!, viewport.current);
    }
    clearTimeout(settle.current);
    settle.current = window.setTimeout(draw, SETTLE_MS);
  }, [draw, paint, paintHover]);

  const latest = useRef({ draw, drawMoved });
  useEffect(() => {
    latest.current = { draw, drawMoved };
  }, [draw, drawMoved]);
  useEffect(() => () => clearTimeout(settle.current), []);

  const schedule = useCallback((full: boolean) => {
    fullPending.current = fullPending.current || full;
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const { draw: drawFull, drawMoved: drawMoving } = latest.current;
        if (fullPending.current) {
          fullPending.current = false;
          drawFull();
        } else {
          drawMoving();
        }
      });
    }
  }, []);
  const requestDraw = useCallback(() => {
    // Through `latest`: the frame must use the callbacks of this render, which the effect above sets first.
    latest.current = { draw, drawMoved };
    schedule(true);
  }, [schedule, draw, drawMoved]);
  const moveTo = useCallback(
    (v: Viewport) => {
      viewport.current = v;
      schedule(false);
    },
    [schedule]
  );
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const fit = useCallback(() => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (let i = 0; i < scene.nodes.length; i++) {
      x0 = Math.min(x0, scene.x[i]);
      y0 = Math.min(y0, scene.y[i]);
      x1 = Math.max(x1, scene.x[i]);
      y1 = Math.max(y1, scene.y[i]);
    }
    if (Number.isFinite(x0)) {
      viewport.current = fitViewport({ x0, y0, x1, y1 }, size.current.width, size.current.height);
    }
    requestDraw();
  }, [scene, requestDraw]);

  // Fit when the set of nodes changes, not on every refresh of the same mesh: the user's pan and zoom stay.
  const nodeSet =
    scene.nodes.length > 0
      ? `${scene.nodes.length}:${scene.nodes[0].id}:${scene.nodes[scene.nodes.length - 1].id}`
      : '';
  const fitted = useRef('');
  useEffect(() => {
    if (fitted.current !== nodeSet && size.current.width > 0) {
      fitted.current = nodeSet;
      fit();
    }
  }, [nodeSet, fit]);

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!box || !canvas) {
      return;
    }
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      size.current = { width: box.clientWidth, height: box.clientHeight };
      painted.current = undefined;
      for (const c of [canvas, overlayRef.current]) {
        if (c) {
          c.width = Math.max(1, Math.round(box.clientWidth * dpr));
          c.height = Math.max(1, Math.round(box.clientHeight * dpr));
        }
      }
      if (fitted.current !== nodeSet && box.clientWidth > 0) {
        fitted.current = nodeSet;
        fit();
      }
      requestDraw();
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resize);
    observer?.observe(box);
    return () => observer?.disconnect();
  }, [fit, requestDraw, nodeSet]);

  useEffect(() => requestDraw(), [requestDraw]);

  useEffect(() => {
    if (!options.animate) {
      phase.current = undefined;
      return;
    }
    let last = 0;
    let handle = 0;
    const tick = (t: number) => {
      // 30 frames a second is smooth enough for moving dashes and halves the cost.
      if (t - last > 33) {
        last = t;
        phase.current = ((t / 40) % 16) | 0;
        draw();
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [options.animate, draw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) {
      return;
    }
    // Registered by hand: React's onWheel is passive and cannot stop the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      moveTo(zoomAt(viewport.current, e.clientX - rect.left, e.clientY - rect.top, Math.exp(-e.deltaY * 0.0015)));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [moveTo]);

  // setViewport takes the path of a wheel or drag step, so the benchmark measures what a gesture costs.
  useEffect(
    () =>
      exposeForTests(() => canvasRef.current, scene, viewport, {
        fit,
        setViewport: moveTo,
        draws: () => draws.current,
      }),
    [scene, fit, moveTo]
  );

  const local = (e: React.PointerEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { sx: e.clientX - rect.left, sy: e.clientY - rect.top };
  };
  const hitAt = (sx: number, sy: number) => {
    const w = toWorld(viewport.current, sx, sy);
    const node = nodeAt(scene, w.x, w.y, 4 / viewport.current.k);
    return { w, node, edge: node >= 0 ? -1 : edgeAt(scene, w.x, w.y, 6 / viewport.current.k) };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    const { sx, sy } = local(e);
    const { node } = hitAt(sx, sy);
    (e.target as Element).setPointerCapture?.(e.pointerId);
    setHover({ node: -1, edge: -1, x: sx, y: sy });
    pointer.current =
      node >= 0
        ? { kind: 'drag', node, moved: false, sx, sy }
        : { kind: 'pan', sx, sy, vp: viewport.current, moved: false };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const { sx, sy } = local(e);
    const p = pointer.current;
    if (p) {
      p.moved = p.moved || Math.hypot(sx - p.sx, sy - p.sy) > CLICK_SLOP;
      if (p.kind === 'pan') {
        moveTo({ ...p.vp, x: p.vp.x + sx - p.sx, y: p.vp.y + sy - p.sy });
      } else if (p.moved) {
        const w = toWorld(viewport.current, sx, sy);
        moveNode(scene, p.node, w.x, w.y);
        requestDraw();
      }
      return;
    }
    const hit = hitAt(sx, sy);
    if (hit.node !== hover.node || hit.edge !== hover.edge || hit.node >= 0 || hit.edge >= 0) {
      setHover({ node: hit.node, edge: hit.edge, x: sx, y: sy });
    }
  };

  const onPointerUp = (e: React.PointerEvent) => {
    const p = pointer.current;
    pointer.current = undefined;
    if (!p) {
      return;
    }
    const { sx, sy } = local(e);
    if (p.kind === 'drag' && p.moved) {
      const id = scene.nodes[p.node].id;
      onChange({ pinned: { ...options.pinned, [id]: { x: scene.x[p.node], y: scene.y[p.node] } } });
      return;
    }
    if (!p.moved) {
      const hit = hitAt(sx, sy);
      setMenu(
        hit.node >= 0 ? { node: hit.node, x: sx, y: sy } : hit.edge >= 0 ? { edge: hit.edge, x: sx, y: sy } : undefined
      );
    }
  };

  const focusFirst = () => {
    const first = highlighted.values().next();
    if (!first.done) {
      const i = first.value;
      viewport.current = centerOn(
        viewport.current,
        scene.x[i],
        scene.y[i],
        size.current.width,
        size.current.height,
        Math.max(viewport.current.k, 1)
      );
      draw();
    }
  };
  useEffect(focusFirst, [highlighted]); // eslint-disable-line react-hooks/exhaustive-deps

  const menuContent = () => {
    if (!menu) {
      return null;
    }
    const node = menu.node !== undefined ? scene.nodes[menu.node] : undefined;
    const edge = menu.edge !== undefined ? scene.edges[menu.edge] : undefined;
    const target = node ?? scene.nodes[scene.indexOf.get(edge!.target)!];
    const actions: MenuAction[] = [];
    if (node && node.kind === 'namespace') {
      const key = namespaceKey(node.cluster, node.namespace);
      actions.push({
        id: 'expand',
        label: `Expand ${node.namespace}`,
        run: () => onChange({ collapsedNamespaces: options.collapsedNamespaces.filter((n) => n !== key) }),
      });
    } else if (node && node.namespace) {
      const key = namespaceKey(node.cluster, node.namespace);
      actions.push({
        id: 'collapse',
        label: `Collapse ${node.namespace}`,
        run: () => onChange({ collapsedNamespaces: [...options.collapsedNamespaces, key] }),
      });
    }
    if (node && options.pinned[node.id]) {
      const { [node.id]: _, ...rest } = options.pinned;
      actions.push({ id: 'unpin', label: 'Unpin', run: () => onChange({ pinned: rest }) });
    }
    const title = node ? node.label : `${scene.nodes[scene.indexOf.get(edge!.source)!].label} → ${target.label}`;
    return (
      <NodeMenu
        title={title}
        links={linksFor(target, options)}
        actions={actions.map((a) => ({ ...a, run: () => (a.run(), setMenu(undefined)) }))}
        x={menu.x}
        y={menu.y}
        className={styles.menu}
        onClose={() => setMenu(undefined)}
      />
    );
  };

  const tooltip = () => {
    if (menu) {
      return null;
    }
    if (hover.node >= 0 && hover.node < scene.nodes.length) {
      const n = scene.nodes[hover.node];
      return <Tooltip title={n.label} rows={nodeRows(n)} x={hover.x} y={hover.y} className={styles.tooltip} />;
    }
    if (hover.edge >= 0 && hover.edge < scene.edges.length) {
      const e = scene.edges[hover.edge];
      const title = `${scene.nodes[scene.from[hover.edge]].label} → ${scene.nodes[scene.to[hover.edge]].label}`;
      return <Tooltip title={title} rows={edgeRows(e)} x={hover.x} y={hover.y} className={styles.tooltip} />;
    }
    return null;
  };

  return (
    <>
      <div className={styles.toolbar}>
        <Input
          width={28}
          placeholder="Search nodes"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && focusFirst()}
          data-testid="meshscope-topology-search"
          suffix={query ? `${highlighted.size} found` : undefined}
        />
        <Button size="sm" variant="secondary" icon="expand-arrows" onClick={fit} data-testid="meshscope-topology-fit">
          Fit
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => download('mesh-topology.png', canvasRef.current!.toDataURL('image/png'))}
          data-testid="meshscope-topology-export-png"
        >
          PNG
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => downloadJson('mesh-topology.json', graphToJson(graph, scene))}
          data-testid="meshscope-topology-export-json"
        >
          JSON
        </Button>
        <Legend colors={style.colors} className={styles.legend} />
      </div>
      <div className={styles.canvasBox} ref={boxRef}>
        <canvas
          ref={canvasRef}
          className={styles.canvas}
          data-testid="meshscope-topology-canvas"
          aria-label={`Mesh topology: ${scene.nodes.length} nodes, ${scene.edges.length} edges`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => !pointer.current && setHover({ node: -1, edge: -1, x: 0, y: 0 })}
        />
        <canvas ref={overlayRef} className={styles.overlay} data-testid="meshscope-topology-hover" aria-hidden />
        {tooltip()}
        {menuContent()}
      </div>
    </>
  );
}
