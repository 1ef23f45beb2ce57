import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as emotionCss from '@emotion/css';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUI from '@grafana/ui';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import lodash from 'lodash';

interface SystemJSLike {
  set(id: string, module: object): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  import(id: string): Promise<unknown>;
}

export const SystemJS = (window as unknown as { System: SystemJSLike }).System;

// The subset of Grafana's sharedDependencies.ts that this repository installs; a plugin importing another shared
// module fails here with SystemJS's own "Unable to resolve" error, which the page shows.
const SHARED: Record<string, object> = {
  react: React,
  'react-dom': ReactDOM,
  'react-dom/client': ReactDOMClient,
  'react/jsx-runtime': jsxRuntime,
  '@emotion/css': emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUI,
  rxjs,
  'rxjs/operators': rxjsOperators,
  lodash,
};

/** Registers each shared module as `package:<id>` and maps the bare id to it, as Grafana's buildImportMap does. */
export function exposeSharedModules() {
  const imports: Record<string, string> = {};
  for (const [id, module] of Object.entries(SHARED)) {
    SystemJS.set(`package:${id}`, module);
    imports[id] = `package:${id}`;
  }
  SystemJS.addImportMap({ imports });
}
