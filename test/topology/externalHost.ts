/**
 * The default mesh plus one call out of it to a host a ServiceEntry registers, as in Istio's Bookinfo egress task
 * (details calls the Google Books API): the default topology stays without it, since its edges feed the dashboards'
 * tests, the preview fixtures and the README's figures.
 */
import { defaultTopology } from '../../simulator/topology/default';
import type { Topology } from '../../simulator/topology/types';

export const EXTERNAL_HOST = 'www.googleapis.com';

export const withExternalHost: Topology = {
  ...defaultTopology,
  name: 'bookinfo-plus-external',
  edges: [
    ...defaultTopology.edges,
    {
      source: 'details-v1',
      external: { host: EXTERNAL_HOST, namespace: 'bookinfo' },
      protocol: 'http',
      rate: 3,
      latency: { p50: 60, p90: 200 },
      requestBytes: 400,
      responseBytes: 3000,
    },
  ],
};
