interface DemoPage {
  title: string;
  /** True when the page queries the live Prometheus rather than a fixture. */
  live: boolean;
  search: string;
}

const live = (view: string, queries: object[], extra: Record<string, string> = {}) =>
  `?${new URLSearchParams({ view, queries: JSON.stringify(queries), range: '15m', step: '15s', refresh: '10s', ...extra })}`;

/** The preview pages `npm start` prints, each a panel a dashboard would show. */
export const DEMO_PAGES: DemoPage[] = [
  {
    title: 'Proxy convergence (live)',
    live: true,
    search: live(
      'histogram',
      [{ refId: 'A', expr: 'sum by (le) (rate(pilot_proxy_convergence_time_bucket[1m]))', format: 'heatmap', instant: false }],
      { fieldConfig: JSON.stringify({ unit: 's' }) }
    ),
  },
  {
    title: 'Request duration by service (live)',
    live: true,
    search: live(
      'histogram',
      [
        {
          refId: 'A',
          expr: 'sum by (le, destination_service) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[1m]))',
          format: 'time_series',
          instant: false,
        },
      ],
      { fieldConfig: JSON.stringify({ unit: 'ms' }) }
    ),
  },
  { title: 'Proxy convergence (fixture)', live: false, search: '?view=histogram&fixture=convergence-heatmap&fieldConfig=%7B%22unit%22%3A%22s%22%7D' },
];
