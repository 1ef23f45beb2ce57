// Minimal parser for Prometheus/OpenMetrics text, keeping label ORDER (which Prometheus discards).

export interface Sample {
  name: string;
  labels: Array<[string, string]>;
  value: number;
}

export interface Family {
  name: string;
  type: string;
  samples: Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  let current: Family | undefined;
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      current = { name: type[1], type: type[2], samples: [] };
      families.set(type[1], current);
      continue;
    }
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m || !current) {
      throw new Error(`unparseable line: ${line}`);
    }
    const labels = [...(m[2] ?? '').matchAll(LABEL)].map((l): [string, string] => [l[1], l[2]]);
    current.samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return families;
}

/** Label names of a sample without `le`. */
export function labelNames(s: Sample): string[] {
  return s.labels.map(([n]) => n).filter((n) => n !== 'le');
}

/** `le` bounds of the family's first histogram series, in exposition order. */
export function bucketBounds(f: Family): number[] {
  const bounds: number[] = [];
  for (const s of f.samples) {
    if (!s.name.endsWith('_bucket')) {
      continue;
    }
    const le = s.labels.find(([n]) => n === 'le')?.[1] ?? '';
    bounds.push(le === '+Inf' ? Infinity : Number(le));
    if (le === '+Inf') {
      break;
    }
  }
  return bounds;
}
