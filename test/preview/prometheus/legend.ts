// Grafana's backend naming rules for a Prometheus series (pkg/promlib/querydata/response.go):
// the displayNameFromDS it puts on the value field and the "Step:" text of executedQueryString.

export const AUTO_LEGEND = '__auto';

const LEGEND_TEMPLATE = /\{\{\s*(.+?)\s*\}\}/g;

/** Prometheus' own series notation, labels sorted as whole `k="v"` strings the way Go's sort.Strings does. */
export function seriesNotation(labels: Record<string, string>): string {
  const name = labels.__name__;
  const pairs = Object.entries(labels)
    .filter(([key]) => key !== '__name__')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .sort(byCodeUnits);
  if (pairs.length === 0) {
    return name ?? '{}';
  }
  return `${name ?? ''}{${pairs.join(', ')}}`;
}

/** The legend Grafana shows for a series; '' means "no displayNameFromDS". */
export function legendFor(labels: Record<string, string>, expr: string, legendFormat = ''): string {
  let legend = seriesNotation(labels);
  if (legendFormat === AUTO_LEGEND) {
    if (Object.keys(labels).length > 0) {
      legend = '';
    }
  } else if (legendFormat !== '') {
    legend = legendFormat.replace(LEGEND_TEMPLATE, (_match, label: string) => labels[label.trim()] ?? '');
  }
  // A label-less series (scalar, or an aggregation without `by`) is named after the query.
  return legend === '{}' ? expr : legend;
}

/** Go's time.Duration.String() for whole milliseconds: 500ms, 30s, 1m0s, 1h30m0s, 1.5s. */
export function goDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  if (ms < 1000) {
    return `${ms}ms`;
  }
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = `${(ms % 60_000) / 1000}s`;
  if (hours > 0) {
    return `${hours}h${minutes}m${seconds}`;
  }
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
