import React from 'react';
import { PanelMessage } from './PanelMessage';

interface Props {
  label: string;
  children: React.ReactNode;
}

/** Last line of defence: a view that throws shows its message in the panel instead of breaking the dashboard. */
export class ErrorBoundary extends React.Component<Props, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <PanelMessage
          title={`The ${this.props.label} view failed on this data`}
          detail={`${this.state.error.message}. Please report it with the query that produced it.`}
        />
      );
    }
    return this.props.children;
  }
}
