import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

export interface PanelMessageProps {
  title: string;
  detail?: string;
  /** What the view can draw, one line each: tells the user how to fix the query. */
  expected?: string[];
}

/** A readable in-panel message in place of a drawing. All text is rendered as text, never as HTML. */
export function PanelMessage({ title, detail, expected }: PanelMessageProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.box} role="status" data-testid="meshscope-message">
      <div className={styles.title}>{title}</div>
      {detail && <div className={styles.detail}>{detail}</div>}
      {expected && expected.length > 0 && (
        <>
          <div className={styles.detail}>This view expects:</div>
          <ul className={styles.list}>
            {expected.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    height: '100%',
    overflow: 'auto',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    padding: theme.spacing(2),
    color: theme.colors.text.secondary,
  }),
  title: css({ ...theme.typography.h5, color: theme.colors.text.primary, marginBottom: theme.spacing(1) }),
  detail: css({ ...theme.typography.bodySmall }),
  list: css({ ...theme.typography.bodySmall, margin: theme.spacing(0.5, 0, 0, 2) }),
});
