import React from 'react';
import { PanelProps } from '@grafana/data';
import { MeshPanelOptions } from '../options';
import { isEmpty } from '../data/frames';
import { PanelMessage } from './PanelMessage';
import { ErrorBoundary } from './ErrorBoundary';
import { VIEWS } from './views';

/** The plugin's single panel: picks the view, shows "no data" and "cannot draw this" states, never throws. */
export function MeshPanel(props: PanelProps<MeshPanelOptions>) {
  const view = VIEWS[props.options.view] ?? VIEWS.topology;
  const series = props.data.series;
  if (isEmpty(series)) {
    return (
      <PanelMessage
        title="No data"
        detail={`The query returned no rows for the ${view.label} view.`}
        expected={view.expected}
      />
    );
  }
  const problem = view.check(series);
  if (problem) {
    return (
      <PanelMessage
        title={`This data is not something the ${view.label} view can draw`}
        detail={problem}
        expected={view.expected}
      />
    );
  }
  const View = view.component;
  return (
    <ErrorBoundary label={view.label}>
      <View {...props} />
    </ErrorBoundary>
  );
}
