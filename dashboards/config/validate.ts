/**
 * Turns a user's partial config (parsed YAML/JSON) into a complete MeshscopeConfig, or fails with every problem
 * at once, each naming its field, what it must be and what it got: a typo must not silently fall back to a default.
 */
import type * as z from 'zod';
import { configSchema, type MeshscopeConfig } from './types';

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[]
  ) {
    super(`invalid config ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `labels.cluster`, `customTelemetry.metrics[0].name`; the whole file is `config`. */
function fieldPath(path: readonly PropertyKey[]): string {
  const p = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');
  return p === '' ? 'config' : p;
}

/** One line per problem; an unknown-keys issue is one line per key, named by its own path. */
function problemsOf(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${fieldPath([...issue.path, key])}: ${issue.message}`)
      : [`${fieldPath(issue.path)}: ${issue.message}`]
  );
}

/** Cross-field rules the per-field checks cannot see. */
function coherence(c: MeshscopeConfig): string[] {
  const problems: string[] = [];
  if (c.thresholds.successCritical > c.thresholds.successWarning) {
    problems.push('thresholds.successCritical: must not exceed thresholds.successWarning');
  }
  if (c.thresholds.latencyCriticalMs < c.thresholds.latencyWarningMs) {
    problems.push('thresholds.latencyCriticalMs: must not be below thresholds.latencyWarningMs');
  }
  return problems;
}

/** `raw` is the parsed file (undefined/null for an empty file); `source` names it in messages. */
export function validateConfig(raw: unknown, source = 'config'): MeshscopeConfig {
  const parsed = configSchema.safeParse(raw ?? {}, {
    // The schema's own messages say what a present value must be; this is what is left: absent required fields.
    error: (issue) => (issue.input === undefined ? 'required' : undefined),
  });
  const problems = parsed.success ? coherence(parsed.data) : problemsOf(parsed.error.issues);
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(source, problems);
  }
  return parsed.data;
}
