import { ComponentType } from 'react';
import { NumberFieldConfigSettings, PanelOptionsEditorBuilder, StandardEditorProps } from '@grafana/data';
import { DEFAULT_OPTIONS, MeshPanelOptions, MeshView } from '../options';

type Options<V extends MeshView> = MeshPanelOptions[V];

/** The keys of a view's options whose values are of type T. */
type KeyOf<V extends MeshView, T> = { [K in keyof Options<V>]: Options<V>[K] extends T ? K : never }[keyof Options<V>] &
  string;

interface Extra<TSettings = never> {
  description?: string;
  settings?: TSettings;
}

/**
 * The editor of one view's options: each option sits under the view's category, shows only while that view is
 * picked and defaults to its value in DEFAULT_OPTIONS, so an editor states only what differs between its options.
 */
export function viewOptions<V extends MeshView>(
  builder: PanelOptionsEditorBuilder<MeshPanelOptions>,
  view: V,
  category: string
) {
  const base = <T, S = never>(key: KeyOf<V, T>, name: string, extra?: Extra<S>) => ({
    path: `${view}.${key}`,
    name,
    ...extra,
    category: [category],
    // KeyOf admits only the keys that hold a T, which TypeScript cannot follow through a generic index.
    defaultValue: DEFAULT_OPTIONS[view][key] as T,
    showIf: (options: MeshPanelOptions) => options.view === view,
  });
  const add = {
    radio<T extends string>(key: KeyOf<V, T>, name: string, options: Array<{ value: T; label: string }>) {
      builder.addRadio({ ...base<T>(key, name), settings: { options } });
      return add;
    },
    booleanSwitch(key: KeyOf<V, boolean>, name: string, extra?: Extra) {
      builder.addBooleanSwitch(base<boolean>(key, name, extra));
      return add;
    },
    numberInput(key: KeyOf<V, number>, name: string, extra?: Extra<NumberFieldConfigSettings>) {
      builder.addNumberInput(base<number, NumberFieldConfigSettings>(key, name, extra));
      return add;
    },
    textInput(key: KeyOf<V, string>, name: string, extra?: Extra) {
      builder.addTextInput(base<string>(key, name, extra));
      return add;
    },
    customEditor<T>(key: KeyOf<V, T>, name: string, editor: ComponentType<StandardEditorProps<T>>, extra?: Extra) {
      builder.addCustomEditor({ ...base<T>(key, name, extra), id: `${view}.${key}`, editor });
      return add;
    },
  };
  return add;
}
