import { ComponentType } from 'react';
import { DataFrame, PanelProps } from '@grafana/data';
import { MeshPanelOptions } from '../options';

/** What MeshPanel needs to know of a view: how to check its input and how to draw it. */
export interface ViewDefinition {
  label: string;
  /** The query shapes the view draws, one line each, shown when the data does not fit. */
  expected: string[];
  /** Why these frames cannot be drawn, or undefined when they can. Must not throw on any input. */
  check(series: DataFrame[]): string | undefined;
  component: ComponentType<PanelProps<MeshPanelOptions>>;
}
