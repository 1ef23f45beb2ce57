import React from 'react';
import { Button, Input } from '@grafana/ui';
import { Legend } from '../Legend';
import { SceneStyle } from '../render/palette';

/** Beyond a few hops a neighbourhood is most of any mesh: no longer a focus. */
const MAX_HOPS = 9;

interface Props {
  query: string;
  onQuery: (q: string) => void;
  /** Matches of a non-empty query. */
  found: number;
  /** Enter in the search box: show the first match again. */
  onSearch: () => void;
  onFit: () => void;
  /** While a node's neighbourhood is in focus: its size in hops, and leaving focus. */
  focus?: { hops: number; onHops: (hops: number) => void; onLeave: () => void };
  onExportPng: () => void;
  onExportJson: () => void;
  /** The canvas's colours, so the legend's swatches, shapes and badges look as drawn. */
  legendStyle: Pick<SceneStyle, 'colors' | 'text' | 'background'>;
  className: string;
  legendClassName: string;
}

/** Above the canvas: node search, fit, focus hops and leave while in focus, PNG and JSON export, and the legend. */
export function Toolbar(p: Props) {
  return (
    <div className={p.className}>
      <Input
        width={28}
        placeholder="Search nodes"
        value={p.query}
        onChange={(e) => p.onQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && p.onSearch()}
        data-testid="meshscope-topology-search"
        suffix={p.query ? `${p.found} found` : undefined}
      />
      <Button size="sm" variant="secondary" icon="expand-arrows" onClick={p.onFit} data-testid="meshscope-topology-fit">
        Fit
      </Button>
      {p.focus && (
        <>
          <Input
            type="number"
            width={12}
            min={1}
            max={MAX_HOPS}
            prefix="Hops"
            value={p.focus.hops}
            onChange={(e) => {
              const hops = Math.round(Number(e.currentTarget.value));
              if (hops >= 1 && hops <= MAX_HOPS) {
                p.focus!.onHops(hops);
              }
            }}
            data-testid="meshscope-topology-focus-hops"
          />
          <Button size="sm" variant="primary" onClick={p.focus.onLeave} data-testid="meshscope-topology-focus-leave">
            Leave focus
          </Button>
        </>
      )}
      <Button size="sm" variant="secondary" onClick={p.onExportPng} data-testid="meshscope-topology-export-png">
        PNG
      </Button>
      <Button size="sm" variant="secondary" onClick={p.onExportJson} data-testid="meshscope-topology-export-json">
        JSON
      </Button>
      <Legend
        colors={p.legendStyle.colors}
        text={p.legendStyle.text}
        background={p.legendStyle.background}
        className={p.legendClassName}
      />
    </div>
  );
}
