import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Compiles a schema copied under test/schemas/ (see SOURCES.md there) with the formats Grafana's schemas use. */
export function compileSchema(file: string, options: { unicodeRegExp?: boolean } = {}): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', file), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv.compile(schema);
}
