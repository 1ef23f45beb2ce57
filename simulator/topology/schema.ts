// JSON Schema for topology files. Kept next to types.ts; messages are rewritten by validate.ts so
// that a user sees `edges[3].protocol: must be one of http, grpc, tcp` rather than ajv's paths.
const name = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 63 };
/** A DNS name of up to 253 characters, as a ServiceEntry host (no wildcard: its cluster would have no one host). */
const host = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 };
const port = { type: 'integer', minimum: 1, maximum: 65535 };

export const topologySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'workloads', 'edges'],
  properties: {
    name: { type: 'string', minLength: 1 },
    istioVersion: { type: 'string', minLength: 1 },
    trustDomain: { type: 'string', minLength: 1 },
    clusters: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    localities: {
      type: 'object',
      additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
    namespaces: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name, ambient: { type: 'boolean' }, waypoint: { type: 'boolean' } },
      },
    },
    workloads: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'namespace'],
        properties: {
          name,
          namespace: name,
          cluster: { type: 'string', minLength: 1 },
          mode: { enum: ['sidecar', 'gateway', 'ambient'] },
          app: { type: 'string', minLength: 1 },
          version: { type: 'string', minLength: 1 },
          service: name,
          port,
          serviceAccount: name,
          replicas: { type: 'integer', minimum: 0, maximum: 100 },
          extendedStats: { type: 'boolean' },
          wasmExtensions: { type: 'array', items: { type: 'string', minLength: 1 } },
          localityLb: {
            type: 'object',
            additionalProperties: false,
            properties: {
              distribute: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'to'],
                  properties: {
                    from: { type: 'string', minLength: 1 },
                    to: {
                      type: 'object',
                      minProperties: 1,
                      additionalProperties: { type: 'integer', minimum: 0, maximum: 100 },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    edges: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'protocol', 'rate'],
        properties: {
          source: { type: 'string', minLength: 1 },
          destination: { type: 'string', minLength: 1 },
          egress: {
            type: 'object',
            additionalProperties: false,
            required: ['cluster', 'host'],
            properties: {
              cluster: { enum: ['PassthroughCluster', 'BlackHoleCluster'] },
              host: { type: 'string', minLength: 1 },
            },
          },
          external: {
            type: 'object',
            additionalProperties: false,
            required: ['host', 'namespace'],
            properties: { host, namespace: name, port },
          },
          protocol: { enum: ['http', 'grpc', 'tcp'] },
          rate: { type: 'number', exclusiveMinimum: 0 },
          errorRate: { type: 'number', minimum: 0, maximum: 1 },
          latency: {
            type: 'object',
            additionalProperties: false,
            required: ['p50', 'p90'],
            properties: { p50: { type: 'number', exclusiveMinimum: 0 }, p90: { type: 'number', exclusiveMinimum: 0 } },
          },
          requestBytes: { type: 'number', exclusiveMinimum: 0 },
          responseBytes: { type: 'number', exclusiveMinimum: 0 },
          messagesPerRequest: { type: 'integer', minimum: 1 },
          mtls: { type: 'boolean' },
        },
      },
    },
  },
} as const;
