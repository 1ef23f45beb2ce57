/**
 * The config's JSON Schema, generated from the zod schema (types.ts) so editors autocomplete and check
 * meshscope.config.yaml (`# yaml-language-server: $schema=./meshscope.config.schema.json`). Committed beside the
 * config and drift-checked with the provisioning files.
 */
import * as z from 'zod';
import { configSchema } from './types';

export const CONFIG_SCHEMA_FILE = 'meshscope.config.schema.json';

/** The schema of what a user may write: every field optional (io: 'input'), defaults shown. */
export function configJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(configSchema, { io: 'input' }), null, 2)}\n`;
}
