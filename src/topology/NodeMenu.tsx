import React from 'react';
import { Button } from '@grafana/ui';
import { NodeLink } from './links';
import { usePopupPlacement } from './Tooltip';

export interface MenuAction {
  id: string;
  label: string;
  run: () => void;
}

interface Props {
  title: string;
  links: NodeLink[];
  actions: MenuAction[];
  x: number;
  y: number;
  className: string;
  onClose: () => void;
}

/** Click-through menu of a node or edge: dashboard and trace links plus collapse/expand; all text as text. */
export function NodeMenu({ title, links, actions, x, y, className, onClose }: Props) {
  const { measure, style } = usePopupPlacement(x, y, 0);
  return (
    <div
      ref={measure}
      className={className}
      style={style}
      data-testid="meshscope-topology-menu"
      onPointerDown={(e) => e.stopPropagation()}
    >
      <strong>{title}</strong>
      {links.map((l) => (
        <a key={l.kind} href={l.href} data-testid={`meshscope-topology-link-${l.kind}`}>
          {l.title}
        </a>
      ))}
      {actions.map((a) => (
        <Button
          key={a.id}
          size="sm"
          variant="secondary"
          data-testid={`meshscope-topology-action-${a.id}`}
          onClick={a.run}
        >
          {a.label}
        </Button>
      ))}
      <Button size="sm" variant="secondary" fill="text" onClick={onClose}>
        Close
      </Button>
    </div>
  );
}
