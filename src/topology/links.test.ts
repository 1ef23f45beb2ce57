import { DEFAULT_OPTIONS } from '../options';
import { fillTemplate, linksFor } from './links';

const identity = { cluster: 'c1', namespace: 'shop', workload: 'cart-v1', app: 'cart', version: 'v1', service: 'cart' };

describe('links', () => {
  it('fills the service, workload and proxy-internals dashboard templates', () => {
    expect(linksFor(identity, DEFAULT_OPTIONS.topology).map((l) => [l.kind, l.href])).toEqual([
      ['service', '/d/meshscope-service?var-namespace=shop&var-service=cart'],
      ['workload', '/d/meshscope-workload?var-namespace=shop&var-workload=cart-v1'],
      ['envoy', '/d/meshscope-envoy?var-namespace=shop&var-workload=cart-v1'],
    ]);
  });
  it('URL-encodes hostile values and offers traces only when configured', () => {
    const hostile = { ...identity, workload: '"><script>&x=1' };
    expect(fillTemplate('/w?x=${workload}&c=${cluster}', hostile)).toBe('/w?x=%22%3E%3Cscript%3E%26x%3D1&c=c1');
    const withTraces = linksFor(identity, { ...DEFAULT_OPTIONS.topology, tracesUrl: '/explore?q=${app}' });
    expect(withTraces.map((l) => l.href)).toContain('/explore?q=cart');
  });
  it('offers no dashboard link to nodes without the identity it needs', () => {
    expect(linksFor({ ...identity, workload: '', service: '' }, DEFAULT_OPTIONS.topology)).toEqual([]);
  });
});
