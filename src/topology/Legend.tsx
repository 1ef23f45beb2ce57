import React from 'react';
import { ERROR_KINDS } from '../istio/semantics';
import { HealthColors } from './render/palette';

const ENTRIES: Array<[keyof HealthColors, string]> = [
  ['healthy', 'Healthy'],
  ['degraded', 'Degraded'],
  ['failure', 'Failing'],
  ['none', 'TCP / no error data'],
  ['idle', 'Idle'],
];

export function Legend({ colors, className }: { colors: HealthColors; className: string }) {
  return (
    <div className={className} data-testid="meshscope-topology-legend">
      {ENTRIES.map(([key, label]) => (
        <span key={key}>
          <span
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 5,
              background: colors[key],
              marginRight: 4,
            }}
          />
          {label}
        </span>
      ))}
      <span>Errors: {ERROR_KINDS}</span>
      <span>IN ingress · EG egress · WP waypoint · PT passthrough · BH blackhole · EXT external · ? unknown</span>
    </div>
  );
}
