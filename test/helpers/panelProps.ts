import {
  DataFrame,
  EventBusSrv,
  FieldConfigSource,
  LoadingState,
  PanelOptionsEditorBuilder,
  PanelPlugin,
  PanelProps,
  TimeRange,
  dateTime,
} from '@grafana/data';

/**
 * Options with every editor's defaultValue applied at its path, as Grafana's getPanelOptionsWithDefaults does
 * before a panel first renders: run the plugin's options supplier into a fresh builder and read its items.
 */
export function defaultOptionsOf<T extends object>(plugin: PanelPlugin<T>): T {
  const builder = new PanelOptionsEditorBuilder<T>();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  const options: Record<string, unknown> = {};
  for (const item of builder.getItems()) {
    if (item.defaultValue !== undefined) {
      setPath(options, item.path, JSON.parse(JSON.stringify(item.defaultValue)));
    }
  }
  return options as T;
}

/** Deep-merges plain objects; arrays and scalars in `patch` replace what was there. */
export function mergeOptions<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) {
    return (patch === undefined ? base : patch) as T;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = mergeOptions(out[key], value);
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = isPlainObject(node[key]) ? node[key] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

export function lastHour(now = Date.now()): TimeRange {
  const to = dateTime(now);
  const from = dateTime(now - 3600_000);
  return { from, to, raw: { from: 'now-1h', to: 'now' } };
}

export interface PanelPropsInput<T> {
  series: DataFrame[];
  options: T;
  width: number;
  height: number;
  timeRange?: TimeRange;
  fieldConfig?: FieldConfigSource;
  onOptionsChange?: (options: T) => void;
  replaceVariables?: (text: string) => string;
}

/** The props Grafana's PanelRenderer hands a panel once a query has finished. */
export function panelProps<T>(input: PanelPropsInput<T>): PanelProps<T> {
  const timeRange = input.timeRange ?? lastHour();
  return {
    id: 1,
    title: 'meshscope',
    data: { state: LoadingState.Done, series: input.series, timeRange },
    timeRange,
    timeZone: 'utc',
    options: input.options,
    fieldConfig: input.fieldConfig ?? { defaults: {}, overrides: [] },
    transparent: false,
    width: input.width,
    height: input.height,
    renderCounter: 0,
    eventBus: new EventBusSrv(),
    onOptionsChange: input.onOptionsChange ?? (() => {}),
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
    replaceVariables: input.replaceVariables ?? ((text: string) => text),
  };
}
