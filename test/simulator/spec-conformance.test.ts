// Every family and label the spec lists, with Istio's type, label names and ORDER, and bucket
// bounds, checked on the simulator's exposition and against real captures. The expected tables
// below are transcribed from the spec (istio-telemetry.md §2.2, §2.4, §3.2, §5), not imported from
// simulator/spec, so a mistake there cannot hide itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Simulator, startSimulator } from '../../simulator';
import { bucketBounds, type Family, labelNames, parseExposition } from './exposition';

const HTTP_25 = [
  'reporter',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_service_name',
  'destination_service_namespace',
  'destination_cluster',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
  'connection_security_policy',
];
const MSG_20 = HTTP_25.slice(0, 20);
const TCP_23 = [...MSG_20, 'request_protocol', 'response_flags', 'connection_security_policy'];
const ZT_23 = [
  'reporter',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
  'destination_service',
  'destination_service_namespace',
  'destination_service_name',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_cluster',
  'request_protocol',
  'response_flags',
  'connection_security_policy',
];
const ENVOY_BUCKETS = [
  0.5,
  1,
  5,
  10,
  25,
  50,
  100,
  250,
  500,
  1000,
  2500,
  5000,
  10000,
  30000,
  60000,
  300000,
  600000,
  1800000,
  3600000,
  Infinity,
];

const PROXY_FAMILIES: Array<[string, string, string[]]> = [
  ['istio_requests_total', 'counter', HTTP_25],
  ['istio_request_duration_milliseconds', 'histogram', HTTP_25],
  ['istio_request_bytes', 'histogram', HTTP_25],
  ['istio_response_bytes', 'histogram', HTTP_25],
  ['istio_request_messages_total', 'counter', MSG_20],
  ['istio_response_messages_total', 'counter', MSG_20],
  ['istio_tcp_connections_opened_total', 'counter', TCP_23],
  ['istio_tcp_connections_closed_total', 'counter', TCP_23],
  ['istio_tcp_sent_bytes_total', 'counter', TCP_23],
  ['istio_tcp_received_bytes_total', 'counter', TCP_23],
  ['istio_build', 'gauge', ['component', 'tag']],
];

const ISTIOD_FAMILIES: Array<[string, string, string[], number[] | null]> = [
  ['pilot_proxy_convergence_time', 'histogram', [], [0.1, 0.5, 1, 3, 5, 10, 20, 30, Infinity]],
  ['pilot_xds_pushes', 'counter', ['type'], null],
  ['pilot_xds', 'gauge', ['version'], null],
  ['pilot_xds_push_time', 'histogram', ['type'], [0.01, 0.1, 0.5, 1, 3, 5, 10, 20, 30, Infinity]],
  ['pilot_xds_config_size_bytes', 'histogram', ['type'], [1, 10000, 1e6, 4e6, 1e7, 4e7, Infinity]],
  ['pilot_services', 'gauge', [], null],
  ['pilot_virt_services', 'gauge', [], null],
  ['pilot_k8s_cfg_events', 'counter', ['type', 'event'], null],
  ['pilot_push_triggers', 'counter', ['type'], null],
  ['pilot_total_xds_rejects', 'counter', ['type'], null],
  ['pilot_xds_lds_reject', 'gauge', ['node', 'err'], null],
  ['citadel_server_csr_count', 'counter', [], null],
  ['citadel_server_success_cert_issuance_count', 'counter', [], null],
  ['sidecar_injection_success_total', 'counter', [], null],
  ['galley_validation_passed', 'counter', ['group', 'version', 'resource'], null],
  ['istio_build', 'gauge', ['component', 'tag'], null],
  ['go_goroutines', 'gauge', [], null],
  ['go_gc_duration_seconds', 'summary', ['quantile'], null],
  ['process_cpu_seconds_total', 'counter', [], null],
  ['process_resident_memory_bytes', 'gauge', [], null],
];

const fixture = (name: string) => parseExposition(readFileSync(join(__dirname, '../fixtures/istio', name), 'utf8'));

/** Merges families across many scrapes so a table can be checked over the whole mesh. */
function merge(expositions: string[]): Map<string, Family> {
  const all = new Map<string, Family>();
  for (const text of expositions) {
    for (const f of parseExposition(text).values()) {
      const have = all.get(f.name);
      if (have) {
        expect({ name: f.name, type: f.type }).toEqual({ name: f.name, type: have.type });
        have.samples.push(...f.samples);
      } else {
        all.set(f.name, { ...f, samples: [...f.samples] });
      }
    }
  }
  return all;
}

describe('simulator exposition matches the spec and real captures', () => {
  const T0 = 1_800_000_000;
  let clock = T0;
  let sim: Simulator;
  let byKind: Record<'proxy' | 'ztunnel' | 'istiod' | 'cadvisor', Map<string, Family>>;
  const scrape = async (path: string) => (await fetch(sim.url + path)).text();

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, now: () => clock });
    sim.setScenario({ name: 'xds-rejects', workload: 'bookinfo/reviews-v1' });
    clock += 60;
    const texts: Record<string, string[]> = { proxy: [], ztunnel: [], istiod: [], cadvisor: [] };
    for (const t of sim.targets()) {
      const path = t.labels.__metrics_path__;
      const kind =
        t.labels.job === 'kubelet'
          ? 'cadvisor'
          : t.labels.app === 'ztunnel'
            ? 'ztunnel'
            : t.labels.app === 'istiod'
              ? 'istiod'
              : 'proxy';
      texts[kind].push(await scrape(path));
    }
    byKind = {
      proxy: merge(texts.proxy),
      ztunnel: merge(texts.ztunnel),
      istiod: merge(texts.istiod),
      cadvisor: merge(texts.cadvisor),
    };
  });
  afterAll(() => sim.close());

  test.each(PROXY_FAMILIES)('proxy family %s is a %s with Istio label order', (name, type, labels) => {
    const f = byKind.proxy.get(name);
    expect(f?.type).toBe(type);
    expect(f!.samples.length).toBeGreaterThan(0);
    for (const s of f!.samples) {
      expect(labelNames(s)).toEqual(labels);
    }
    if (type === 'histogram') {
      expect(bucketBounds(f!)).toEqual(ENVOY_BUCKETS);
      expect(new Set(f!.samples.map((s) => s.name))).toEqual(
        new Set([`${name}_bucket`, `${name}_sum`, `${name}_count`])
      );
    }
  });

  test('the 1.11.4 sidecar capture has the same label names and bucket bounds', () => {
    const real = fixture('sidecar-istio-1.11.4-merged-15020.prom.txt');
    for (const name of [
      'istio_requests_total',
      'istio_request_duration_milliseconds',
      'istio_request_bytes',
      'istio_response_bytes',
    ]) {
      const ours = byKind.proxy.get(name)!;
      const theirs = real.get(name)!;
      expect(theirs.type).toBe(ours.type);
      // Pre-1.16 Istio pushed the same 25 labels in another order (spec §2.8): compare as sets.
      expect(new Set(labelNames(theirs.samples[0]))).toEqual(new Set(labelNames(ours.samples[0])));
      if (ours.type === 'histogram') {
        expect(bucketBounds(theirs)).toEqual(bucketBounds(ours));
      }
    }
    expect(labelNames(real.get('istio_build')!.samples[0])).toEqual(
      labelNames(byKind.proxy.get('istio_build')!.samples[0])
    );
    // Envoy's xds-grpc cluster stats: same name and label shape as the capture.
    const rq = (m: Map<string, Family>) =>
      m.get('envoy_cluster_upstream_rq')!.samples.find((s) => s.labels.some(([, v]) => v === 'xds-grpc'))!;
    expect(labelNames(rq(real))).toEqual(labelNames(rq(byKind.proxy)));
  });

  test('ztunnel families and ZT-23 label order match the spec and the 1.24 capture', () => {
    const real = fixture('ztunnel-1.24-metrics.openmetrics.txt');
    for (const family of [
      'istio_tcp_connections_opened',
      'istio_tcp_connections_closed',
      'istio_tcp_sent_bytes',
      'istio_tcp_received_bytes',
    ]) {
      const ours = byKind.ztunnel.get(family);
      expect(ours?.type).toBe('counter');
      expect(ours!.samples.length).toBeGreaterThan(0);
      for (const s of ours!.samples) {
        expect(s.name).toBe(`${family}_total`);
        expect(labelNames(s)).toEqual(ZT_23);
      }
      expect(labelNames(real.get(family)!.samples[0])).toEqual(ZT_23);
    }
    for (const family of ['istio_build', 'istio_xds_message', 'workload_manager_active_proxy_count']) {
      expect(byKind.ztunnel.get(family)?.type).toBe(real.get(family)?.type);
    }
    expect(byKind.ztunnel.get('istio_build')!.samples[0].labels).toEqual([
      ['component', 'ztunnel'],
      ['tag', '1.24.2'],
    ]);
  });

  test.each(ISTIOD_FAMILIES)('istiod family %s is a %s', (name, type, labels, buckets) => {
    const f = byKind.istiod.get(name);
    expect(f?.type).toBe(type);
    const samples = f!.samples.filter((s) => s.name === name || s.name === `${name}_bucket`);
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) {
      expect(labelNames(s)).toEqual(labels);
    }
    if (buckets) {
      expect(bucketBounds(f!)).toEqual(buckets);
    }
  });

  test('cAdvisor reports CPU and memory for proxy, gateway, waypoint, ztunnel and istiod containers', () => {
    const cpu = byKind.cadvisor.get('container_cpu_usage_seconds_total')!;
    const mem = byKind.cadvisor.get('container_memory_working_set_bytes')!;
    expect(cpu.type).toBe('counter');
    expect(mem.type).toBe('gauge');
    const pods = (f: Family, container: string) =>
      f.samples
        .filter((s) => s.labels.some(([n, v]) => n === 'container' && v === container))
        .map((s) => Object.fromEntries(s.labels).pod);
    for (const f of [cpu, mem]) {
      expect(pods(f, 'discovery').some((p) => p.startsWith('istiod-'))).toBe(true);
      for (const prefix of ['productpage-v1-', 'istio-ingressgateway-', 'waypoint-', 'ztunnel-']) {
        expect(pods(f, 'istio-proxy').some((p) => p.startsWith(prefix))).toBe(true);
      }
    }
    expect(Math.min(...cpu.samples.map((s) => s.value))).toBeGreaterThan(0);
  });

  test('extended Envoy stats appear only where proxyStatsMatcher is on, Wasm stats only with an extension', async () => {
    const pod = (prefix: string) =>
      sim.targets().find((t) => t.labels.pod?.startsWith(prefix))!.labels.__metrics_path__;
    const productpage = parseExposition(await scrape(pod('productpage-v1-')));
    const ratings = parseExposition(await scrape(pod('ratings-v1-')));
    const details = parseExposition(await scrape(pod('details-v1-')));
    const details503 = 'outbound|9080||details.bookinfo.svc.cluster.local';
    const rq = productpage
      .get('envoy_cluster_upstream_rq')!
      .samples.filter((s) => s.labels.some(([, v]) => v === details503));
    expect(rq.map((s) => labelNames(s))).toEqual(
      expect.arrayContaining([
        ['response_code_class', 'cluster_name'],
        ['response_code', 'cluster_name'],
      ])
    );
    for (const name of [
      'envoy_cluster_upstream_cx_active',
      'envoy_cluster_ssl_handshake',
      'envoy_cluster_ssl_ciphers_TLS_AES_128_GCM_SHA256',
      'envoy_cluster_lb_healthy_panic',
      'envoy_http_downstream_rq',
      'envoy_listener_ssl_handshake',
    ]) {
      expect(productpage.has(name)).toBe(true);
    }
    // Without the matcher only Istio's default inclusion list: no per-service clusters or listeners.
    const scoped = [...ratings.values()]
      .flatMap((f) => f.samples)
      .filter((s) =>
        s.labels.some(
          ([n, v]) =>
            (n === 'cluster_name' && v !== 'xds-grpc') || n === 'http_conn_manager_prefix' || n === 'listener_address'
        )
      );
    expect(scoped).toEqual([]);
    expect(details.get('envoy_wasm_envoy_wasm_runtime_v8_active')?.samples[0].value).toBeGreaterThan(0);
    expect(ratings.has('envoy_wasm_envoy_wasm_runtime_v8_active')).toBe(false);
    // The xds-rejects scenario on reviews-v1 shows on its own Envoy.
    const reviews = parseExposition(await scrape(pod('reviews-v1-')));
    expect(reviews.get('envoy_listener_manager_lds_update_rejected')!.samples[0].value).toBeGreaterThan(0);
    expect(ratings.get('envoy_listener_manager_lds_update_rejected')!.samples[0].value).toBe(0);
  });

  test('Envoy groups families counters → gauges → histograms and prints no # HELP', async () => {
    const text = await scrape(
      sim.targets().find((t) => t.labels.pod?.startsWith('productpage-v1-'))!.labels.__metrics_path__
    );
    const envoyPart = text.slice(text.indexOf('# TYPE envoy_'));
    expect(envoyPart).not.toContain('# HELP');
    const types = [...envoyPart.matchAll(/^# TYPE \S+ (\S+)$/gm)].map((m) => m[1]);
    const rank = types.map((t) => ['counter', 'gauge', 'histogram'].indexOf(t));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    expect(text).toMatch(/^envoy_server_live\{\} 1$/m);
  });

  test('label values follow the reporter rules', () => {
    const series = byKind.proxy.get('istio_requests_total')!.samples.map((s) => Object.fromEntries(s.labels));
    const find = (pred: (l: Record<string, string>) => boolean) => series.filter(pred);
    // Client side never knows the security policy; server side does.
    expect(new Set(find((l) => l.reporter === 'source').map((l) => l.connection_security_policy))).toEqual(
      new Set(['unknown'])
    );
    expect(
      find((l) => l.reporter === 'destination' && l.source_workload === 'productpage-v1')[0].connection_security_policy
    ).toBe('mutual_tls');
    // Callers outside the mesh.
    const unknown = find((l) => l.source_workload === 'unknown')[0];
    expect(unknown).toMatchObject({
      reporter: 'destination',
      source_canonical_revision: 'latest',
      source_principal: 'unknown',
      connection_security_policy: 'none',
    });
    // The gateway has no version label: its own side prints "".
    expect(find((l) => l.source_workload === 'istio-ingressgateway')[0].source_version).toBe('');
    // Egress.
    expect(find((l) => l.destination_service_name === 'PassthroughCluster')[0]).toMatchObject({
      reporter: 'source',
      destination_service: 'httpbin.org',
      destination_workload: 'unknown',
    });
    expect(find((l) => l.destination_service_name === 'BlackHoleCluster')[0].response_code).toBe('502');
    // Ambient: waypoint reports L7.
    expect(find((l) => l.reporter === 'waypoint' && l.destination_workload === 'cart-v1')[0]).toMatchObject({
      source_workload: 'frontend-v1',
      connection_security_policy: 'mutual_tls',
    });
    // gRPC.
    expect(find((l) => l.request_protocol === 'grpc').every((l) => l.grpc_response_status !== '')).toBe(true);
    expect(find((l) => l.request_protocol === 'http').every((l) => l.grpc_response_status === '')).toBe(true);
    // Two clusters.
    expect(find((l) => l.destination_workload === 'reviews-v3')[0].destination_cluster).toBe('cluster-west');
  });
});
