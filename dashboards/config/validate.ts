/**
 * Turns a user's partial config (parsed YAML/JSON) into a complete MeshscopeConfig, or fails with every problem
 * at once, each naming its field: a typo must not silently fall back to a default.
 */
import { DASHBOARD_UIDS, DEFAULT_CONFIG, type MeshscopeConfig } from './types';

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[]
  ) {
    super(`invalid config ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
/** One or more `label op "value"` matchers, comma separated. */
const MATCHERS =
  /^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*(,\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*)*$/;
const UID = /^[a-zA-Z0-9_-]{1,40}$/;
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A label key with an optional DNS prefix (example.com/name), as Kubernetes allows. */
const K8S_LABEL_KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const K8S_LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const K8S_LABEL = new RegExp(`^${K8S_LABEL_KEY.source.slice(1, -1)}=${K8S_LABEL_VALUE.source.slice(1, -1)}$`);
const URL = /^https?:\/\/\S+$/;
/** Upper bounds (ms) of Istio's default request-duration buckets: a latency objective reads exactly one of them. */
export const ISTIO_DURATION_BUCKETS_MS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

type Check = (value: unknown, path: string, problems: string[]) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(pattern?: RegExp, what?: string, allowEmpty = false): Check {
  return (v, path, problems) => {
    if (typeof v !== 'string' || (!allowEmpty && v === '')) {
      problems.push(`${path}: must be a${allowEmpty ? '' : ' non-empty'} string`);
    } else if (pattern && v !== '' && !pattern.test(v)) {
      problems.push(`${path}: ${JSON.stringify(v)} is not ${what}`);
    }
    return v;
  };
}

function oneOf(values: readonly string[]): Check {
  return (v, path, problems) => {
    if (typeof v !== 'string' || !values.includes(v)) {
      problems.push(`${path}: must be one of ${values.join(', ')}`);
    }
    return v;
  };
}

function num(min: number, max: number): Check {
  return (v, path, problems) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      problems.push(`${path}: must be a number from ${min} to ${max}`);
    }
    return v;
  };
}

function bool(): Check {
  return (v, path, problems) => {
    if (typeof v !== 'boolean') {
      problems.push(`${path}: must be true or false`);
    }
    return v;
  };
}

function list(item: Check, opts: { unique?: boolean; nonEmpty?: boolean } = {}): Check {
  return (v, path, problems) => {
    if (!Array.isArray(v)) {
      problems.push(`${path}: must be a list`);
      return v;
    }
    if (opts.nonEmpty && v.length === 0) {
      problems.push(`${path}: must not be empty`);
    }
    if (opts.unique && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) {
      problems.push(`${path}: has duplicates`);
    }
    return v.map((x, i) => item(x, `${path}[${i}]`, problems));
  };
}

/** An object with exactly these keys; missing keys take `defaults` when given (partial user input). */
function obj(shape: Record<string, Check>, defaults?: Record<string, unknown>): Check {
  return (v, path, problems) => {
    if (!isObject(v)) {
      problems.push(`${path || 'config'}: must be a mapping`);
      return defaults;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (!(key in shape)) {
        problems.push(
          `${path ? `${path}.` : ''}${key}: unknown field (expected one of ${Object.keys(shape).join(', ')})`
        );
      }
    }
    for (const [key, check] of Object.entries(shape)) {
      const p = path ? `${path}.${key}` : key;
      if (key in v) {
        out[key] = check(v[key], p, problems);
      } else if (defaults && key in defaults) {
        out[key] = defaults[key];
      } else {
        problems.push(`${p}: required`);
      }
    }
    return out;
  };
}

const d = DEFAULT_CONFIG;
const labelName = str(LABEL_NAME, 'a Prometheus label name');
const matchers = str(MATCHERS, 'PromQL label matchers such as job="kubernetes-pods", app="istiod"');

const schema = obj(
  {
    datasource: obj(
      {
        uid: str(UID, 'a Grafana data-source uid'),
        tracesUid: str(UID, 'a Grafana data-source uid', true),
        tracesType: oneOf(['tempo', 'jaeger']),
      },
      d.datasource
    ),
    folder: str(),
    dashboards: list(oneOf(DASHBOARD_UIDS), { unique: true, nonEmpty: true }),
    labels: obj({ cluster: labelName, namespace: labelName, pod: labelName, container: labelName }, { ...d.labels }),
    selectors: obj({ proxies: matchers, istiod: matchers, ztunnel: matchers, cadvisor: matchers }, { ...d.selectors }),
    containers: obj({ proxy: str(), istiod: str() }, { ...d.containers }),
    ztunnelPods: str(),
    gatewayWorkloads: str(),
    thresholds: obj(
      {
        successWarning: num(0, 1),
        successCritical: num(0, 1),
        latencyWarningMs: num(0, 3_600_000),
        latencyCriticalMs: num(0, 3_600_000),
        convergenceBoundsSeconds: list(num(0, 3600), { unique: true, nonEmpty: true }),
      },
      { ...d.thresholds }
    ),
    customTelemetry: obj(
      {
        metrics: list(
          obj(
            {
              name: str(METRIC_NAME, 'a Prometheus metric name'),
              type: oneOf(['counter', 'histogram']),
              description: str(),
              unit: str(),
            },
            { unit: 'short' }
          ),
          { unique: true }
        ),
        dimensions: list(obj({ label: labelName, description: str() }), { unique: true }),
      },
      { metrics: [], dimensions: [] }
    ),
    recording: obj(
      { dashboards: bool(), window: str(DURATION, 'a Prometheus duration such as 1m') },
      { ...d.recording }
    ),
    alerts: obj(
      {
        availabilityObjective: num(0, 0.99999),
        latencyObjective: num(0, 0.99999),
        latencyThresholdMs: (v, path, problems) => {
          if (!ISTIO_DURATION_BUCKETS_MS.includes(v as number)) {
            problems.push(
              `${path}: must be an upper bound of Istio's request-duration buckets: ${ISTIO_DURATION_BUCKETS_MS.join(', ')}`
            );
          }
          return v;
        },
        convergenceSeconds: num(0, 3600),
        runbookUrl: str(URL, 'an http(s) URL', true),
      },
      { ...d.alerts }
    ),
    install: obj(
      {
        namespace: str(K8S_NAME, 'a Kubernetes namespace name'),
        dashboardLabel: str(K8S_LABEL_KEY, 'a Kubernetes label key'),
        dashboardLabelValue: str(K8S_LABEL_VALUE, 'a Kubernetes label value', true),
        folderAnnotation: str(K8S_LABEL_KEY, 'a Kubernetes annotation key'),
        grafanaInstanceLabel: str(K8S_LABEL, 'a Kubernetes label as key=value'),
        prometheusUrl: str(URL, 'an http(s) URL'),
        scrapeInterval: str(DURATION, 'a Prometheus duration such as 15s'),
        pluginUrl: str(URL, 'an http(s) URL', true),
      },
      { ...d.install }
    ),
  },
  d as unknown as Record<string, unknown>
);

/** Cross-field rules the per-field checks cannot see. */
function coherence(c: MeshscopeConfig, problems: string[]): void {
  if (c.thresholds.successCritical > c.thresholds.successWarning) {
    problems.push('thresholds.successCritical: must not exceed thresholds.successWarning');
  }
  if (c.thresholds.latencyCriticalMs < c.thresholds.latencyWarningMs) {
    problems.push('thresholds.latencyCriticalMs: must not be below thresholds.latencyWarningMs');
  }
}

/** `raw` is the parsed file (undefined/null for an empty file); `source` names it in messages. */
export function validateConfig(raw: unknown, source = 'config'): MeshscopeConfig {
  const problems: string[] = [];
  const config = schema(raw ?? {}, '', problems) as MeshscopeConfig;
  if (problems.length === 0) {
    coherence(config, problems);
  }
  if (problems.length > 0) {
    throw new ConfigError(source, problems);
  }
  return config;
}
