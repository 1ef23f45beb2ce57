/**
 * Grafana's template variables as its Prometheus data source applies them: which value each variable takes on load
 * and how that value is written into PromQL. A variable that is multi-valued or has "All" is regex-escaped, and "All"
 * without an allValue is the list of every option, `(a|b|c)`; a single-valued one is only backslash- and
 * quote-escaped (datasource.ts interpolateQueryExpr, prometheusRegularEscape, prometheusSpecialRegexEscape in
 * Grafana 12's classic behaviour).
 */

export interface TemplateVariable {
  name: string;
  type: string;
  query?: unknown;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string | null;
  current?: { value?: string | string[] } | null;
  regex?: string;
}

/** A variable's value on load: the values picked (or All), or the data source uid. */
export type Picked = string | string[];

export const ALL = '$__all';

export function regularEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
}

export function regexEscape(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]+?.()|]/g, '\\\\$&');
}

/** The text a variable's value becomes inside a query. */
export function formatValue(variable: TemplateVariable, value: Picked): string {
  if (!variable.multi && !variable.includeAll) {
    return regularEscape(Array.isArray(value) ? value.join(',') : value);
  }
  const escaped = (Array.isArray(value) ? value : [value]).map(regexEscape);
  return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
}

/** Replaces `$name`, `${name}` and `[[name]]` of the given variables; Grafana's built-ins are left to `builtins`. */
export function interpolate(expr: string, values: Map<string, string>): string {
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g, (m, a?: string, b?: string, c?: string) => {
    const name = a ?? b ?? c ?? '';
    return values.get(name) ?? m;
  });
}

/** Grafana's interval built-ins, given as Prometheus durations. */
export function builtins(expr: string, d: { interval: string; rateInterval: string; range: string }): string {
  return expr
    .replace(/\$\{?__rate_interval\}?/g, d.rateInterval)
    .replace(/\$\{?__interval\}?/g, d.interval)
    .replace(/\$\{?__range\}?/g, d.range);
}

/** What a variable query (`label_values(...)`, `query_result(...)`) found; the caller runs it against Prometheus. */
export type OptionsOf = (variable: TemplateVariable, query: string) => Promise<string[]>;

/**
 * Every variable's value on load, in declaration order (each may use the ones before): `pinned` for the single-valued
 * ones it names, else the saved current value, with All resolved to the allValue or to every option `optionsOf` returns.
 */
export async function resolveVariables(
  variables: TemplateVariable[],
  pinned: Record<string, Picked>,
  optionsOf: OptionsOf
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const v of variables) {
    if (v.type === 'datasource') {
      continue;
    }
    const saved = v.current?.value ?? (v.type === 'custom' ? String(v.query).split(',')[0] : undefined);
    const single = !v.multi && !v.includeAll;
    const picked = (single ? pinned[v.name] : undefined) ?? saved;
    const isAll = picked === ALL || (Array.isArray(picked) && picked.includes(ALL));
    if (picked === undefined || (isAll && !v.includeAll)) {
      throw new Error(`variable ${v.name}: no value to load with; pin one`);
    }
    if (isAll && v.allValue) {
      values.set(v.name, v.allValue);
      continue;
    }
    const value = isAll ? await optionsOf(v, interpolate(queryText(v), values)) : picked;
    values.set(v.name, formatValue(v, value));
  }
  return values;
}

function queryText(v: TemplateVariable): string {
  const q = v.query as string | { query?: string } | undefined;
  if (v.type === 'custom') {
    return String(q);
  }
  return typeof q === 'string' ? q : (q?.query ?? '');
}

/** Options of a variable from a query_result's lines or label values: its regex's first group, de-duplicated. */
export function applyRegex(variable: TemplateVariable, texts: string[]): string[] {
  const source = variable.regex ? /^\/(.*)\/([gimsuy]*)$/.exec(variable.regex) : null;
  const re = source ? new RegExp(source[1], source[2]) : null;
  const out = texts.flatMap((t) => {
    if (!re) {
      return [t];
    }
    const m = re.exec(t);
    return m ? [m[1] ?? m[0]] : [];
  });
  return [...new Set(out)];
}

/** The line Grafana's query_result makes of one instant sample: `name{a="x",b="y"} value timestamp_ms`. */
export function queryResultLine(metric: Record<string, string>, value: [number, string]): string {
  const { __name__: name = '', ...labels } = metric;
  const body = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return `${name}{${body}} ${value[1]} ${value[0] * 1000}`;
}
