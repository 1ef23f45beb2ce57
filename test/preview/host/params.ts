import { FieldConfigSource } from '@grafana/data';
import { PrometheusQuery } from '../prometheus/frames';

/** Everything the page reads from its URL; README.md beside this folder documents each parameter. */
export interface PreviewParams {
  theme: 'dark' | 'light';
  title: string;
  width?: number;
  height?: number;
  optionsPatch: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  fixture?: string;
  queries: PrometheusQuery[];
  rangeMs: number;
  stepMs?: number;
  refreshMs?: number;
}

function json<T>(text: string | null, fallback: T, name: string): T {
  if (text === null) {
    return fallback;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`URL parameter ${name} is not valid JSON: ${(error as Error).message}`);
  }
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "1h", "30m", "15s" → milliseconds. */
export function parseDuration(text: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text);
  if (!match) {
    throw new Error(`URL parameter ${name}=${text} is not a duration such as 15s, 5m or 1h`);
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}

function optionalNumber(text: string | null): number | undefined {
  return text === null ? undefined : Number(text);
}

export function readParams(search: string): PreviewParams {
  const p = new URLSearchParams(search);
  const optionsPatch = json<Record<string, unknown>>(p.get('options'), {}, 'options');
  if (p.get('view')) {
    optionsPatch.view = p.get('view');
  }
  const duration = (name: string) => (p.get(name) === null ? undefined : parseDuration(p.get(name)!, name));
  return {
    theme: p.get('theme') === 'light' ? 'light' : 'dark',
    title: p.get('title') ?? 'meshscope preview',
    width: optionalNumber(p.get('width')),
    height: optionalNumber(p.get('height')),
    optionsPatch,
    fieldConfig: { defaults: json(p.get('fieldConfig'), {}, 'fieldConfig'), overrides: [] },
    fixture: p.get('fixture') ?? undefined,
    queries: json<PrometheusQuery[]>(p.get('queries'), [], 'queries'),
    rangeMs: duration('range') ?? 3_600_000,
    stepMs: duration('step'),
    refreshMs: duration('refresh'),
  };
}
