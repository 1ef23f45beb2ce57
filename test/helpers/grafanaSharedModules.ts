/**
 * The module ids Grafana shares with plugins: the only bare imports an AMD plugin's `define([...])` may name.
 * Source: grafana/grafana public/app/features/plugins/loader/sharedDependencies.ts (Grafana 12.x), where each key is
 * registered with SystemJS as `package:<key>` by loader/utils.ts buildImportMap. `module` is SystemJS's AMD
 * meta-dependency (it carries the module's own URL, which create-plugin uses to set webpack's public path).
 * Mocked in tests because no Grafana server runs here; the list is kept in sync by hand.
 */
export const GRAFANA_SHARED_MODULES: readonly string[] = [
  '@emotion/css',
  '@emotion/react',
  '@grafana/data',
  '@grafana/data/unstable',
  '@grafana/runtime',
  '@grafana/runtime/unstable',
  '@grafana/ui',
  '@grafana/ui/unstable',
  '@grafana/slate-react',
  '@kusto/monaco-kusto',
  'app/core/app_events',
  'app/core/config',
  'app/core/core',
  'app/core/services/backend_srv',
  'app/core/table_model',
  'app/core/time_series',
  'app/core/time_series2',
  'app/core/utils/datemath',
  'app/core/utils/flatten',
  'app/core/utils/kbn',
  'app/core/utils/ticks',
  'app/features/dashboard/impression_store',
  'd3',
  'emotion',
  'i18next',
  'jquery',
  'lodash',
  'moment',
  'prismjs',
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  'react-inlinesvg',
  'react-redux',
  'react-router',
  'react-router-dom',
  'redux',
  'rxjs',
  'rxjs/operators',
  'slate',
  'slate-plain-serializer',
  'slate-react',
];

/** SystemJS's AMD meta-dependencies, resolved by the loader itself rather than by the import map. */
export const AMD_META_MODULES: readonly string[] = ['module', 'exports', 'require'];

export const PLUGIN_ID = 'meshscope-mesh-panel';
export const PLUGIN_PUBLIC_PATH = `public/plugins/${PLUGIN_ID}/`;
