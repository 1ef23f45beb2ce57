// A hop to a host a ServiceEntry registers outside the mesh: the topology fields and their validation, what the
// client's sidecar prints for it (the only proxy on the path), and /truth. The expected label values are transcribed
// from Istio, not imported from the simulator: istio/proxy istio_stats.cc fills a client-side series' destination
// service from the ServiceEntry cluster's metadata (host, name, namespace: istio/istio serviceentry/conversion.go sets
// name to the host and namespace to the ServiceEntry's), and its peer labels, with no peer to exchange metadata with,
// from the defaults of istio-telemetry.md §2.3: "unknown", the canonical revision "latest".
import { type Simulator, startSimulator, type Topology, TopologyError, validateTopology } from '../../simulator';
import { parseExposition } from './exposition';

const topology: Topology = {
  name: 'service-entries',
  namespaces: [{ name: 'shop' }, { name: 'mesh', ambient: true }],
  workloads: [
    { name: 'web-v1', namespace: 'shop', app: 'web', version: 'v1', serviceAccount: 'web', extendedStats: true },
    { name: 'job', namespace: 'mesh' },
  ],
  edges: [
    { source: 'web-v1', external: { host: 'api.stripe.com', namespace: 'egress' }, protocol: 'http', rate: 5 },
    { source: 'web-v1', external: { host: 'db.example.net', namespace: 'shop', port: 5432 }, protocol: 'tcp', rate: 1 },
  ],
};

const problems = (edit: (t: Topology) => void): string[] => {
  const t: Topology = JSON.parse(JSON.stringify(topology));
  edit(t);
  try {
    validateTopology(t);
  } catch (err) {
    if (err instanceof TopologyError) {
      return err.problems;
    }
    throw err;
  }
  return [];
};

describe('external hosts in topology files', () => {
  test('a hop to a ServiceEntry host is valid', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  test('errors name the field', () => {
    expect(
      problems((t) => {
        t.edges[0].external = { host: 'API.Stripe.com', namespace: 'egress' };
        delete (t.edges[1].external as { namespace?: string }).namespace;
      })
    ).toEqual([
      "edges[0].external.host: must be a lower-case DNS label (a-z, 0-9, '-', '.')",
      'edges[1].external.namespace: is required',
    ]);
    expect(
      problems((t) => {
        t.edges[0].external!.host = 'web.shop.svc.cluster.local';
        t.edges[0].mtls = true;
        t.edges[1].destination = 'web-v1';
      })
    ).toEqual([
      'edges[0].external.host: "web.shop.svc.cluster.local" is inside the mesh\'s cluster.local domain',
      'edges[0].mtls: an external host has no Istio mutual TLS',
      'edges[1].destination: exactly one of destination, egress and external is required',
    ]);
    expect(
      problems((t) => {
        t.edges[0].source = 'unknown';
        t.edges[1].source = 'job';
      })
    ).toEqual([
      'edges[0].external: needs a source workload inside the mesh',
      "edges[1].source: an ambient workload's calls to an external host (through ztunnel) are not modelled",
    ]);
  });
});

describe('a hop to an external host', () => {
  let clock = 1_800_000_000;
  let sim: Simulator;
  let text: string;

  beforeAll(async () => {
    sim = await startSimulator({ topology, seed: 3, now: () => clock });
    clock += 60;
    const web = sim.targets().find((t) => t.labels.pod?.startsWith('web-v1-'))!;
    text = await (await fetch(sim.url + web.labels.__metrics_path__)).text();
  });
  afterAll(() => sim.close());

  const seriesOf = (family: string) =>
    (parseExposition(text).get(family)?.samples ?? []).map((s) => Object.fromEntries(s.labels));

  const peerLabels = (host: string, namespace: string) => ({
    reporter: 'source',
    source_workload: 'web-v1',
    source_canonical_service: 'web',
    source_canonical_revision: 'v1',
    source_workload_namespace: 'shop',
    source_principal: 'unknown',
    source_app: 'web',
    source_version: 'v1',
    source_cluster: 'Kubernetes',
    destination_workload: 'unknown',
    destination_workload_namespace: 'unknown',
    destination_principal: 'unknown',
    destination_app: 'unknown',
    destination_version: 'unknown',
    destination_service: host,
    destination_canonical_service: 'unknown',
    destination_canonical_revision: 'latest',
    destination_service_name: host,
    destination_service_namespace: namespace,
    destination_cluster: 'unknown',
  });

  test('the client sidecar reports it alone, naming the host and the ServiceEntry namespace', () => {
    expect(seriesOf('istio_requests_total')).toEqual([
      {
        ...peerLabels('api.stripe.com', 'egress'),
        request_protocol: 'http',
        response_code: '200',
        grpc_response_status: '',
        response_flags: '-',
        connection_security_policy: 'unknown',
      },
    ]);
    expect(seriesOf('istio_tcp_connections_opened_total')).toEqual([
      {
        ...peerLabels('db.example.net', 'shop'),
        request_protocol: 'tcp',
        response_flags: '-',
        connection_security_policy: 'unknown',
      },
    ]);
    const durations = seriesOf('istio_request_duration_milliseconds');
    expect(new Set(durations.map((l) => l.destination_service))).toEqual(new Set(['api.stripe.com']));
  });

  test('its Envoy cluster is the ServiceEntry port of the host, with one DNS endpoint and no mutual TLS', () => {
    const cluster = sim.truth().proxies[0].clusters.find((c) => c.name === 'outbound|80||api.stripe.com');
    expect(cluster).toMatchObject({ kind: 'outbound', endpoints: 1, tlsHandshakesPerSecond: 0, requestsPerSecond: 5 });
    expect(sim.truth().proxies[0].downstream).toMatchObject({ 'outbound_0.0.0.0_80': { '2xx': 5 } });
    const ofCluster = (family: string) =>
      seriesOf(family).filter((l) => l.cluster_name === 'outbound|80||api.stripe.com');
    expect(ofCluster('envoy_cluster_membership_healthy')).toHaveLength(1);
    expect(ofCluster('envoy_cluster_ssl_handshake')).toEqual([]);
  });

  test('/truth lists it as an edge to the host with the source as its only reporter', () => {
    expect(
      sim.truth().edges.map(({ id, destination, egress, external, reporters, mtls, rate }) => ({
        id,
        destination,
        egress,
        external,
        reporters,
        mtls,
        rate,
      }))
    ).toEqual([
      {
        id: 'shop/web-v1->api.stripe.com',
        destination: null,
        egress: null,
        external: { host: 'api.stripe.com', namespace: 'egress' },
        reporters: ['source'],
        mtls: false,
        rate: 5,
      },
      {
        id: 'shop/web-v1->db.example.net',
        destination: null,
        egress: null,
        external: { host: 'db.example.net', namespace: 'shop' },
        reporters: ['source'],
        mtls: false,
        rate: 1,
      },
    ]);
  });
});
