// The built-in topology: Bookinfo plus what real meshes have and dashboards must cope with — an
// ingress gateway, callers from outside the mesh, a TCP database, a gRPC service, egress through
// PassthroughCluster and into BlackHoleCluster, an ambient namespace with a waypoint, two clusters.
// Latency quantiles sit well inside Envoy's buckets so tests can tell which bucket holds them.
import type { Topology } from './types';

export const defaultTopology: Topology = {
  name: 'bookinfo-plus',
  istioVersion: '1.24.2',
  trustDomain: 'cluster.local',
  clusters: ['cluster-east', 'cluster-west'],
  namespaces: [
    { name: 'istio-system' },
    { name: 'bookinfo' },
    { name: 'shop', ambient: true, waypoint: true },
  ],
  workloads: [
    { name: 'istio-ingressgateway', namespace: 'istio-system', mode: 'gateway', app: 'istio-ingressgateway', port: 8080, replicas: 2 },
    { name: 'productpage-v1', namespace: 'bookinfo', app: 'productpage', version: 'v1', port: 9080, serviceAccount: 'bookinfo-productpage', extendedStats: true },
    { name: 'details-v1', namespace: 'bookinfo', app: 'details', version: 'v1', port: 9080, serviceAccount: 'bookinfo-details', wasmExtensions: ['basic-auth'] },
    { name: 'reviews-v1', namespace: 'bookinfo', app: 'reviews', version: 'v1', port: 9080, serviceAccount: 'bookinfo-reviews' },
    { name: 'reviews-v2', namespace: 'bookinfo', app: 'reviews', version: 'v2', port: 9080, serviceAccount: 'bookinfo-reviews', replicas: 2 },
    { name: 'reviews-v3', namespace: 'bookinfo', cluster: 'cluster-west', app: 'reviews', version: 'v3', port: 9080, serviceAccount: 'bookinfo-reviews' },
    { name: 'ratings-v1', namespace: 'bookinfo', app: 'ratings', version: 'v1', port: 9080, serviceAccount: 'bookinfo-ratings' },
    { name: 'mongodb-v1', namespace: 'bookinfo', app: 'mongodb', version: 'v1', port: 27017, serviceAccount: 'bookinfo-ratings' },
    { name: 'inventory-v1', namespace: 'bookinfo', app: 'inventory', version: 'v1', port: 50051, serviceAccount: 'inventory' },
    { name: 'frontend-v1', namespace: 'shop', mode: 'ambient', app: 'frontend', version: 'v1', port: 8080, serviceAccount: 'frontend' },
    { name: 'cart-v1', namespace: 'shop', mode: 'ambient', app: 'cart', version: 'v1', port: 8080, serviceAccount: 'cart' },
    { name: 'redis', namespace: 'shop', mode: 'ambient', app: 'redis', port: 6379, serviceAccount: 'default' },
  ],
  edges: [
    { source: 'istio-ingressgateway', destination: 'productpage-v1', protocol: 'http', rate: 20, errorRate: 0.005, latency: { p50: 40, p90: 120 }, requestBytes: 700, responseBytes: 5200 },
    { source: 'unknown', destination: 'productpage-v1', protocol: 'http', rate: 2, latency: { p50: 35, p90: 75 }, requestBytes: 300, responseBytes: 5200, mtls: false },
    { source: 'productpage-v1', destination: 'details-v1', protocol: 'http', rate: 22, errorRate: 0.01, latency: { p50: 4, p90: 12 }, requestBytes: 600, responseBytes: 180 },
    { source: 'productpage-v1', destination: 'reviews-v1', protocol: 'http', rate: 7, latency: { p50: 6, p90: 20 }, requestBytes: 600, responseBytes: 300 },
    { source: 'productpage-v1', destination: 'reviews-v2', protocol: 'http', rate: 8, errorRate: 0.02, latency: { p50: 18, p90: 60 }, requestBytes: 600, responseBytes: 420 },
    { source: 'productpage-v1', destination: 'reviews-v3', protocol: 'http', rate: 7, latency: { p50: 30, p90: 85 }, requestBytes: 600, responseBytes: 420 },
    { source: 'reviews-v2', destination: 'ratings-v1', protocol: 'http', rate: 8, latency: { p50: 3, p90: 9 }, requestBytes: 500, responseBytes: 90 },
    { source: 'reviews-v3', destination: 'ratings-v1', protocol: 'http', rate: 7, errorRate: 0.03, latency: { p50: 12, p90: 40 }, requestBytes: 500, responseBytes: 90 },
    { source: 'ratings-v1', destination: 'mongodb-v1', protocol: 'tcp', rate: 2, requestBytes: 2400, responseBytes: 18000 },
    { source: 'details-v1', destination: 'inventory-v1', protocol: 'grpc', rate: 15, errorRate: 0.02, latency: { p50: 2, p90: 7 }, requestBytes: 200, responseBytes: 900, messagesPerRequest: 3 },
    { source: 'reviews-v1', egress: { cluster: 'PassthroughCluster', host: 'httpbin.org' }, protocol: 'http', rate: 2, latency: { p50: 75, p90: 300 }, requestBytes: 400, responseBytes: 1200 },
    { source: 'productpage-v1', egress: { cluster: 'BlackHoleCluster', host: 'telemetry.example.com' }, protocol: 'http', rate: 2, latency: { p50: 0.4, p90: 0.8 }, requestBytes: 300, responseBytes: 100 },
    { source: 'istio-ingressgateway', destination: 'frontend-v1', protocol: 'http', rate: 12, errorRate: 0.01, latency: { p50: 22, p90: 80 }, requestBytes: 800, responseBytes: 9000 },
    { source: 'frontend-v1', destination: 'cart-v1', protocol: 'http', rate: 9, errorRate: 0.015, latency: { p50: 8, p90: 30 }, requestBytes: 500, responseBytes: 700 },
    { source: 'cart-v1', destination: 'redis', protocol: 'tcp', rate: 2, requestBytes: 1500, responseBytes: 6000 },
  ],
};
