import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { createTheme } from '@grafana/data';
import { sceneStyle } from '../render/palette';
import { Toolbar } from './Toolbar';

function setup(query = '') {
  const handlers = {
    onQuery: jest.fn(),
    onSearch: jest.fn(),
    onFit: jest.fn(),
    onExportPng: jest.fn(),
    onExportJson: jest.fn(),
  };
  render(
    <Toolbar
      query={query}
      found={3}
      legendStyle={sceneStyle(createTheme(), false)}
      className=""
      legendClassName=""
      {...handlers}
    />
  );
  return handlers;
}

describe('Toolbar', () => {
  it('searches as the user types, shows the matches and shows the first again on Enter', () => {
    const h = setup('svc');
    const input = screen.getByTestId('meshscope-topology-search');
    fireEvent.change(input, { target: { value: 'svc-1' } });
    expect(h.onQuery).toHaveBeenCalledWith('svc-1');
    expect(screen.getByText('3 found')).toBeInTheDocument();
    fireEvent.keyDown(input, { key: 'a' });
    expect(h.onSearch).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(h.onSearch).toHaveBeenCalledTimes(1);
  });

  it('says nothing about matches for an empty query', () => {
    setup();
    expect(screen.queryByText(/found/)).toBeNull();
  });

  it('fits and exports from its buttons, and shows the legend', () => {
    const h = setup();
    fireEvent.click(screen.getByTestId('meshscope-topology-fit'));
    fireEvent.click(screen.getByTestId('meshscope-topology-export-png'));
    fireEvent.click(screen.getByTestId('meshscope-topology-export-json'));
    expect([h.onFit, h.onExportPng, h.onExportJson].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    expect(screen.getByTestId('meshscope-topology-legend').textContent).toContain('Failing');
  });
});
