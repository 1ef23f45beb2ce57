import React from 'react';
import { createRoot } from 'react-dom/client';
import { PanelPlugin } from '@grafana/data';
import { PLUGIN_PUBLIC_PATH } from '../../helpers/grafanaSharedModules';
import { registerStandardEditorStandIns } from '../../helpers/standardEditors';
import { App } from './App';
import { readParams } from './params';
import { SystemJS, exposeSharedModules } from './sharedModules';

function fail(message: string) {
  window.meshscopePreview = { ...window.meshscopePreview, status: 'error', error: message };
  const box = document.createElement('pre');
  box.dataset.testid = 'preview-error';
  box.textContent = message;
  document.body.replaceChildren(box);
}

async function main() {
  registerStandardEditorStandIns();
  exposeSharedModules();
  const params = readParams(location.search);
  // The same call Grafana's importPluginModule makes, on the same path.
  const mod = (await SystemJS.import(`/${PLUGIN_PUBLIC_PATH}module.js`)) as { plugin?: unknown };
  if (!(mod.plugin instanceof PanelPlugin)) {
    throw new Error('module.js does not export a PanelPlugin named "plugin"');
  }
  createRoot(document.getElementById('root')!).render(<App plugin={mod.plugin} params={params} />);
}

main().catch((error: Error) => fail(`The preview could not start: ${error.message}`));
