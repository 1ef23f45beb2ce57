import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The foundation SDK's dashboard schema, with two definitions loosened to what they are in Grafana's CUE source:
 * `MatcherConfig.options` and `DynamicConfigValue.value` are `_` (any) there, but the generator wrote
 * `type: object`, which rejects the SDK's own `overrideByName` output (`options: "<field>"`, `value: "ms"`).
 * Everything else is validated as copied.
 */
export function dashboardValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(__dirname, '../schemas/grafana-dashboard-v1.schema.json'), 'utf8'));
  schema.definitions.MatcherConfig.properties.options = {};
  schema.definitions.DynamicConfigValue.properties.value = {};
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
