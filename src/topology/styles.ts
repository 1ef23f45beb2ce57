import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    position: 'relative',
    width: '100%',
    height: '100%',
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'column',
  }),
  toolbar: css({
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    padding: theme.spacing(0.5, 0),
    flexWrap: 'wrap',
  }),
  canvasBox: css({ position: 'relative', flex: 1, minHeight: 0 }),
  // Sized by CSS: the canvases hold width × devicePixelRatio pixels, which would otherwise be their CSS size too.
  canvas: css({ position: 'absolute', inset: 0, width: '100%', height: '100%', touchAction: 'none', cursor: 'grab' }),
  overlay: css({ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }),
  tooltip: css({
    position: 'absolute',
    pointerEvents: 'none',
    zIndex: 2,
    maxWidth: 360,
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    ...theme.typography.bodySmall,
  }),
  menu: css({
    position: 'absolute',
    zIndex: 3,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    ...theme.typography.bodySmall,
    maxWidth: 360,
    wordBreak: 'break-all',
  }),
  legend: css({
    display: 'flex',
    gap: theme.spacing(1.5),
    flexWrap: 'wrap',
    color: theme.colors.text.secondary,
    ...theme.typography.bodySmall,
  }),
  notice: css({ color: theme.colors.warning.text, ...theme.typography.bodySmall }),
});
