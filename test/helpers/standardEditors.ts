import { standardEditorsRegistry } from '@grafana/data';

/**
 * Grafana fills standardEditorsRegistry at start-up with its core option editors (public/app/core/components/
 * OptionsUI/registry.tsx, not shipped in any package). Panel option builders look editors up by id, so hosts that
 * are not Grafana (the loader test, the preview page) register inert stand-ins: they never render an options pane.
 */
const IDS = [
  'boolean',
  'color',
  'dashboard-uid',
  'field-name',
  'multi-select',
  'number',
  'radio',
  'select',
  'slider',
  'strings',
  'text',
  'timezone',
  'unit',
];

export function registerStandardEditorStandIns() {
  for (const id of IDS) {
    if (!standardEditorsRegistry.getIfExists(id)) {
      standardEditorsRegistry.register({ id, name: id, editor: () => null });
    }
  }
}
