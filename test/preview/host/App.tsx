import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { DataFrame, DataFrameJSON, PanelPlugin, createTheme, dateTime } from '@grafana/data';
import { GlobalStyles, PanelChrome, ThemeContext } from '@grafana/ui';
import { defaultOptionsOf, mergeOptions, panelProps } from '../../helpers/panelProps';
import { applyFieldConfigDefaults } from './fieldConfig';
import { framesFromJSON, loadFixture, runQueries } from './data';
import { PreviewParams } from './params';

/** What tests, benchmarks and the demo drive the page with: `window.meshscopePreview`. */
export interface PreviewApi {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  /** Incremented after each data load the panel was rendered with. */
  loads: number;
  setFrames(frames: DataFrameJSON[]): void;
  setOptions(patch: Record<string, unknown>): void;
  getOptions(): unknown;
  reload(): void;
}

declare global {
  interface Window {
    meshscopePreview: PreviewApi;
  }
}

type Options = Record<string, unknown>;

// Stands in for the dashboard JSON: options a panel changes (a dragged node, say) survive a page reload.
const savedKey = () => `meshscope-preview:options:${location.search}`;

function initialOptions(plugin: PanelPlugin<Options>, params: PreviewParams): Options {
  const saved = localStorage.getItem(savedKey());
  return saved ? JSON.parse(saved) : mergeOptions(defaultOptionsOf(plugin), params.optionsPatch);
}

function useWindowSize() {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function App({ plugin, params }: { plugin: PanelPlugin<Options>; params: PreviewParams }) {
  const theme = useMemo(() => createTheme({ colors: { mode: params.theme } }), [params.theme]);
  const [options, setOptionsState] = useState(() => initialOptions(plugin, params));
  const [frames, setFrames] = useState<DataFrame[]>([]);
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState<string>();
  const [timeRange, setTimeRange] = useState(() => ({ from: Date.now() - params.rangeMs, to: Date.now() }));
  const windowSize = useWindowSize();
  const Panel = plugin.panel!;

  const onOptionsChange = useCallback((next: Options) => {
    localStorage.setItem(savedKey(), JSON.stringify(next));
    setOptionsState(next);
  }, []);

  const show = useCallback(
    (next: DataFrame[]) => {
      setTimeRange({ from: Date.now() - params.rangeMs, to: Date.now() });
      setFrames(next);
      setError(undefined);
      setLoads((n) => n + 1);
    },
    [params.rangeMs]
  );

  const load = useCallback(() => {
    const pending = params.fixture
      ? loadFixture(params.fixture)
      : params.queries.length > 0
        ? runQueries(params.queries, params.rangeMs, params.stepMs)
        : Promise.resolve(null);
    pending.then((next) => next && show(next)).catch((e: Error) => setError(e.message));
  }, [params, show]);

  useEffect(() => {
    load();
    if (!params.refreshMs) {
      return undefined;
    }
    const timer = setInterval(load, params.refreshMs);
    return () => clearInterval(timer);
  }, [load, params.refreshMs]);

  useEffect(() => {
    window.meshscopePreview = {
      status: error ? 'error' : loads > 0 ? 'ready' : 'loading',
      error,
      loads,
      setFrames: (json) => show(framesFromJSON(json)),
      setOptions: (patch) => onOptionsChange(mergeOptions(options, patch)),
      getOptions: () => options,
      reload: load,
    };
  }, [error, loads, show, onOptionsChange, options, load]);

  const series = useMemo(
    () => applyFieldConfigDefaults(frames, params.fieldConfig, theme),
    [frames, params.fieldConfig, theme]
  );
  const width = params.width ?? windowSize.width - 16;
  const height = params.height ?? windowSize.height - 16;

  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <div style={{ padding: 8, background: theme.colors.background.canvas, minHeight: '100vh' }}>
        {error && (
          <div data-testid="preview-error" style={{ color: theme.colors.error.text, marginBottom: 8 }}>
            {error}
          </div>
        )}
        <div data-testid="preview-panel" style={{ width, height }}>
          <PanelChrome width={width} height={height} title={params.title}>
            {(innerWidth, innerHeight) => (
              <Panel
                {...panelProps({
                  series,
                  options,
                  width: innerWidth,
                  height: innerHeight,
                  fieldConfig: params.fieldConfig,
                  onOptionsChange,
                  timeRange: {
                    from: dateTime(timeRange.from),
                    to: dateTime(timeRange.to),
                    raw: { from: 'now-1h', to: 'now' },
                  },
                })}
              />
            )}
          </PanelChrome>
        </div>
      </div>
    </ThemeContext.Provider>
  );
}
