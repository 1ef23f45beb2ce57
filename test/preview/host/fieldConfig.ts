import { DataFrame, FieldConfigSource, GrafanaTheme2, getDisplayProcessor } from '@grafana/data';

/**
 * Grafana's PanelQueryRunner runs applyFieldOverrides before a panel sees its frames: the panel's field-config
 * defaults (unit, decimals, min/max, thresholds …) are merged into each field and a display processor is set.
 * The preview does the defaults part, which is all our views read; per-field overrides are not reproduced.
 */
export function applyFieldConfigDefaults(
  series: DataFrame[],
  fieldConfig: FieldConfigSource,
  theme: GrafanaTheme2
): DataFrame[] {
  return series.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field) => {
      const withConfig = { ...field, config: { ...fieldConfig.defaults, ...field.config } };
      return { ...withConfig, display: getDisplayProcessor({ field: withConfig, theme }) };
    }),
  }));
}
