import React from 'react';
import { render, screen } from '@testing-library/react';
import { Legend } from './Legend';
import { recordingContext } from '../../test/support/recordingContext';
import { BADGE_LEGEND } from './render/badges';
import { SHAPE_LEGEND } from './render/shapes';

const colors = { healthy: 'green', degraded: 'orange', failure: 'red', none: 'blue', idle: 'grey' };

describe('Legend', () => {
  it('names every node shape and badge, each drawn as the graph draws it', () => {
    const recorded = recordingContext();
    const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(recorded.ctx as never);
    render(<Legend colors={colors} text="#ccc" background="#111" className="" />);
    getContext.mockRestore();
    for (const [shape, label] of SHAPE_LEGEND) {
      const entry = screen.getByTestId(`meshscope-topology-legend-shape-${shape}`);
      expect(entry.textContent).toBe(label);
      expect(entry.querySelector(shape === 'circle' ? 'circle' : 'polygon')).not.toBeNull();
    }
    for (const [badge, label] of BADGE_LEGEND) {
      expect(screen.getByTestId(`meshscope-topology-legend-badge-${badge}`).textContent).toBe(label);
    }
    // One badge glyph per canvas: padlocks stroke a shackle, the warning sign a triangle.
    expect(recorded.calls.arc).toBe(3);
    expect(recorded.calls.closePath).toBe(1);
  });
});
