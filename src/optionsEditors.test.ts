import { PanelOptionsEditorBuilder } from '@grafana/data';
import { DEFAULT_OPTIONS, MeshPanelOptions, MeshView } from './options';
import { addHistogramOptions } from './histogram/optionsEditor';
import { addTopologyOptions } from './topology/optionsEditor';
import pinned from '../test/support/optionsEditors.pinned.json';

const VIEWS: MeshView[] = ['topology', 'histogram'];

/**
 * Every add* call an editor makes, as plain data: functions become what they mean (showIf the views it shows the
 * option for, editor its component's name), so the whole options pane compares as JSON.
 */
function record(addOptions: (builder: PanelOptionsEditorBuilder<MeshPanelOptions>) => void): unknown[] {
  const calls: unknown[] = [];
  const builder: object = new Proxy(
    {},
    {
      get: (_, method: string) => (config: Record<string, unknown>) => {
        const showIf = config.showIf as ((o: MeshPanelOptions) => boolean) | undefined;
        const editor = config.editor as { name: string } | undefined;
        calls.push({
          method,
          ...config,
          showIf: showIf && VIEWS.filter((view) => showIf({ ...DEFAULT_OPTIONS, view })),
          editor: editor?.name,
        });
        return builder;
      },
    }
  );
  addOptions(builder as PanelOptionsEditorBuilder<MeshPanelOptions>);
  return JSON.parse(JSON.stringify(calls));
}

// The pinned file was recorded from the editors as they were written out option by option, before they shared a
// builder (options added since are appended to it): paths, names, descriptions, defaults, categories, settings and
// showIf must stay exactly those.
test.each([
  ['topology', addTopologyOptions],
  ['histogram', addHistogramOptions],
] as const)('the %s options pane is the pinned one', (view, addOptions) => {
  expect(record(addOptions)).toEqual(pinned[view]);
});
