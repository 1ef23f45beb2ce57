import React from 'react';
import { Button, Input } from '@grafana/ui';
import { Legend } from '../Legend';
import { HealthColors } from '../render/palette';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  /** Matches of a non-empty query. */
  found: number;
  /** Enter in the search box: show the first match again. */
  onSearch: () => void;
  onFit: () => void;
  onExportPng: () => void;
  onExportJson: () => void;
  colors: HealthColors;
  className: string;
  legendClassName: string;
}

/** Above the canvas: node search, fit, PNG and JSON export, and the legend. */
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
      <Button size="sm" variant="secondary" onClick={p.onExportPng} data-testid="meshscope-topology-export-png">
        PNG
      </Button>
      <Button size="sm" variant="secondary" onClick={p.onExportJson} data-testid="meshscope-topology-export-json">
        JSON
      </Button>
      <Legend colors={p.colors} className={p.legendClassName} />
    </div>
  );
}
