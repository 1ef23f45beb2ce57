/**
 * @jest-environment jsdom
 *
 * Loads the built dist/module.js the way Grafana does (an AMD define() whose dependencies must all be modules
 * Grafana shares with plugins) and renders its panel. Grafana itself cannot run here, so its SystemJS loader is
 * stood in for by test/helpers/amdLoader.ts, with this repository's copies of the shared modules.
 */
import '../.config/jest-setup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import React from 'react';
import { render, screen } from '@testing-library/react';
import { FieldType, PanelPlugin, createDataFrame } from '@grafana/data';
import { evaluateAmdModule, NotSharedModuleError } from './helpers/amdLoader';
import { PLUGIN_PUBLIC_PATH } from './helpers/grafanaSharedModules';
import { defaultOptionsOf, panelProps } from './helpers/panelProps';
import { requireBuild } from './helpers/build';
import { registerStandardEditorStandIns } from './helpers/standardEditors';

registerStandardEditorStandIns();

const HOST_MODULES: Record<string, unknown> = {
  react: require('react'),
  'react-dom': require('react-dom'),
  '@grafana/data': require('@grafana/data'),
  '@grafana/ui': require('@grafana/ui'),
  '@grafana/runtime': require('@grafana/runtime'),
  '@emotion/css': require('@emotion/css'),
  rxjs: require('rxjs'),
  lodash: require('lodash'),
};

function provide(id: string) {
  if (!(id in HOST_MODULES)) {
    throw new Error(`the loader test offers no copy of shared module "${id}": add it to HOST_MODULES`);
  }
  return HOST_MODULES[id];
}

const uri = `${PLUGIN_PUBLIC_PATH}module.js`;

describe('dist/module.js as Grafana loads it', () => {
  const source = readFileSync(join(requireBuild(), 'module.js'), 'utf8');

  it('imports only modules Grafana shares and exports a PanelPlugin', () => {
    const mod = evaluateAmdModule(source, uri, provide) as { plugin: unknown };
    expect(mod.plugin).toBeInstanceOf(PanelPlugin);
  });

  it('refuses a module.js that imports a module Grafana does not share', () => {
    const tampered = source.replace(/define\(\[/, 'define(["left-pad",');
    expect(tampered).not.toEqual(source);
    expect(() => evaluateAmdModule(tampered, uri, provide)).toThrow(NotSharedModuleError);
    expect(() => evaluateAmdModule(tampered, uri, provide)).toThrow(/"left-pad", which Grafana does not share/);
  });

  it('refuses a file that is not an AMD module', () => {
    expect(() => evaluateAmdModule('window.plugin = {}', uri, provide)).toThrow(/did not call define/);
  });

  describe('its panel', () => {
    const { plugin } = evaluateAmdModule(source, uri, provide) as { plugin: PanelPlugin };
    const options = defaultOptionsOf(plugin);
    const Panel = plugin.panel!;

    it('has the option defaults both views need', () => {
      expect(options).toMatchObject({ view: 'topology', histogram: { shareBounds: [0.1, 0.5, 1, 3] } });
    });

    it('says "No data" when the query returned nothing', () => {
      render(React.createElement(Panel, panelProps({ series: [], options, width: 600, height: 300 })));
      expect(screen.getByTestId('meshscope-message')).toHaveTextContent('No data');
    });

    it('explains what it expected when the frames are not histogram buckets', () => {
      const frame = createDataFrame({
        fields: [
          { name: 'Time', type: FieldType.time, values: [1, 2] },
          { name: 'Value', type: FieldType.number, values: [3, 4], labels: { pod: '<b>x</b>' } },
        ],
      });
      const props = panelProps({
        series: [frame],
        options: { ...options, view: 'histogram' },
        width: 600,
        height: 300,
      });
      render(React.createElement(Panel, props));
      const message = screen.getByTestId('meshscope-message');
      expect(message).toHaveTextContent('not something the Histogram view can draw');
      expect(message).toHaveTextContent('pilot_proxy_convergence_time_bucket');
    });
  });
});
