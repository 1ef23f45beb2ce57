/**
 * Frames for the Topology view as Grafana's Prometheus data source serialises them (dataFrameToJSON), built by
 * hand so the tests do not share code with the model they check.
 */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** An instant query in table format: Time, one string column per label, `Value #<refId>`. */
export function tableFrame(refId: string, samples: Sample[]) {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.labels)))].sort();
  return {
    schema: {
      refId,
      fields: [
        { name: 'Time', type: 'time' },
        ...names.map((name) => ({ name, type: 'string' })),
        { name: `Value #${refId}`, type: 'number' },
      ],
    },
    data: {
      values: [
        samples.map(() => 1_764_082_800_000),
        ...names.map((n) => samples.map((s) => s.labels[n] ?? '')),
        samples.map((s) => s.value),
      ],
    },
  };
}

/** A request series between two workloads, as the Mesh dashboard's query A returns it. */
export function request(source: string, destination: string, value: number, over: Record<string, string> = {}): Sample {
  return {
    labels: {
      reporter: 'destination',
      source_cluster: 'east',
      source_workload_namespace: 'web',
      source_workload: source,
      source_app: source,
      destination_cluster: 'east',
      destination_workload_namespace: 'web',
      destination_workload: destination,
      destination_app: destination,
      destination_service: `${destination}.web.svc.cluster.local`,
      destination_service_name: destination,
      destination_service_namespace: 'web',
      request_protocol: 'http',
      response_code: '200',
      connection_security_policy: 'mutual_tls',
      ...over,
    },
    value,
  };
}

/** Grafana's Node Graph contract: a nodes frame and an edges frame. */
export function nodeGraphFrames(
  nodes: Array<{ id: string; title: string }>,
  edges: Array<{ id: string; source: string; target: string; rate: number }>
) {
  const field = (name: string, values: Array<string | number>) =>
    // Tempo's service graph names its stats; the view tells rate from latency by that name.
    typeof values[0] === 'number'
      ? { name, type: 'number', config: { displayName: 'Requests per second' } }
      : { name, type: 'string' };
  const frame = (name: string, columns: Record<string, Array<string | number>>) => ({
    schema: {
      name,
      meta: { preferredVisualisationType: 'nodeGraph' },
      fields: Object.entries(columns).map(([n, v]) => field(n, v)),
    },
    data: { values: Object.values(columns) },
  });
  return [
    frame('nodes', { id: nodes.map((n) => n.id), title: nodes.map((n) => n.title) }),
    frame('edges', {
      id: edges.map((e) => e.id),
      source: edges.map((e) => e.source),
      target: edges.map((e) => e.target),
      mainstat: edges.map((e) => e.rate),
    }),
  ];
}
