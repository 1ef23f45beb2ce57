// The command: config validation with messages naming the field, all-or-nothing writes, the --check drift gate.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../dashboards/cli';
import Ajv2020 from 'ajv/dist/2020';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../../dashboards/config/jsonSchema';
import { ConfigError, DEFAULT_CONFIG, loadConfig, validateConfig, writeAtomically } from '../../dashboards';
import { writeFileAtomically } from '../../dashboards/write';
import { parse } from 'yaml';

/** Configs the generator must refuse, with (part of) the message. */
const BAD: Array<[unknown, string]> = [
  [{ labels: { clustr: 'x' } }, 'labels.clustr: unknown field (expected one of cluster, namespace, pod, container)'],
  [{ labels: { cluster: 'k8s-cluster' } }, 'labels.cluster: "k8s-cluster" is not a Prometheus label name'],
  [{ selectors: { istiod: 'app=istiod' } }, 'selectors.istiod: "app=istiod" is not PromQL label matchers'],
  [
    { selectors: { istiod: 'app=istiod' } },
    '"app=istiod" is not PromQL label matchers such as job="kubernetes-pods", app="istiod" (PromQL cannot parse it at character 5)',
  ],
  [
    { selectors: { proxies: 'job="a" app="b"' } },
    'selectors.proxies: "job=\\"a\\" app=\\"b\\"" is not PromQL label matchers such as job="kubernetes-pods", app="istiod" (PromQL cannot parse it at character 9)',
  ],
  [
    { selectors: { ztunnel: 'app="ztunnel"} or vector(1' } },
    'selectors.ztunnel: "app=\\"ztunnel\\"} or vector(1" is not PromQL label matchers such as job="kubernetes-pods", app="istiod" (it closes the braces or adds an expression (write the matchers without braces))',
  ],
  [
    { selectors: { cadvisor: ' , ' } },
    'selectors.cadvisor: " , " is not PromQL label matchers such as job="kubernetes-pods", app="istiod" (PromQL cannot parse it at character 2)',
  ],
  [{ dashboards: ['meshscope-mesh', 'nope'] }, 'dashboards[1]: must be one of meshscope-mesh, meshscope-service'],
  [{ dashboards: ['meshscope-mesh', 'nope'] }, '(got "nope")'],
  [
    { dashboards: ['meshscope-mesh', 'meshscope-mesh'] },
    'dashboards: has duplicates (got "meshscope-mesh" more than once)',
  ],
  [{ dashboards: [] }, 'dashboards: must not be empty'],
  [{ dashboards: 'meshscope-mesh' }, 'dashboards: must be a list (got "meshscope-mesh")'],
  [{ thresholds: { successWarning: 1.5 } }, 'thresholds.successWarning: must be a number from 0 to 1 (got 1.5)'],
  [
    { thresholds: { latencyWarningMs: '250ms' } },
    'thresholds.latencyWarningMs: must be a number from 0 to 3600000 (got "250ms")',
  ],
  [
    { thresholds: { successWarning: 0.9, successCritical: 0.95 } },
    'thresholds.successCritical: must not exceed thresholds.successWarning',
  ],
  [
    { customTelemetry: { metrics: [{ name: 'istio get', type: 'counter', description: 'x' }] } },
    'customTelemetry.metrics[0].name: "istio get" is not a Prometheus metric name',
  ],
  [
    { customTelemetry: { dimensions: [{ label: 'upstream_operation' }] } },
    'customTelemetry.dimensions[0].description: required',
  ],
  [{ recording: { dashboards: 'yes' } }, 'recording.dashboards: must be true or false (got "yes")'],
  [
    { alerts: { latencyThresholdMs: 300 } },
    "alerts.latencyThresholdMs: must be an upper bound of Istio's request-duration buckets",
  ],
  [{ datasource: { tracesType: 'zipkin' } }, 'datasource.tracesType: must be one of tempo, jaeger (got "zipkin")'],
  [{ install: null }, 'install: must be a mapping (got null)'],
  [[], 'config: must be a mapping (got [])'],
];
/** Rules a JSON Schema does not express: across fields, and PromQL's grammar (an editor checks only for text). */
const NOT_IN_JSON_SCHEMA = (message: string) =>
  message === 'thresholds.successCritical: must not exceed thresholds.successWarning' ||
  message.includes('is not PromQL label matchers');

describe('npm run dashboards', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshscope-dashboards-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot = (d: string) => Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));

  test('the committed default config file is exactly the defaults', () => {
    expect(loadConfig(join(__dirname, '../../dashboards/meshscope.config.yaml'))).toEqual(DEFAULT_CONFIG);
  });

  test.each(BAD)('bad config %j is rejected naming the field, what it must be and what it got', (raw, message) => {
    expect(() => validateConfig(raw, 'x.yaml')).toThrow(ConfigError);
    expect(() => validateConfig(raw, 'x.yaml')).toThrow(message);
  });

  test('every problem at once, one line each; an empty file is the defaults', () => {
    const e = (() => {
      try {
        validateConfig({ labels: { clustr: 'x', pod: 'a-b' }, folder: '' }, 'x.yaml');
      } catch (err) {
        return err as ConfigError;
      }
    })();
    expect(e?.problems.sort()).toEqual([
      'folder: must be a non-empty string (got "")',
      'labels.clustr: unknown field (expected one of cluster, namespace, pod, container)',
      'labels.pod: "a-b" is not a Prometheus label name',
    ]);
    expect(validateConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(validateConfig({ labels: { cluster: 'k8s_cluster' } }).labels).toEqual({
      ...DEFAULT_CONFIG.labels,
      cluster: 'k8s_cluster',
    });
  });

  test('the committed JSON Schema is the one the zod schema generates; it accepts the committed config and rejects the bad ones a schema can express', () => {
    const file = join(__dirname, '../../dashboards', CONFIG_SCHEMA_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(configJsonSchema());
    expect(readFileSync(join(__dirname, '../../dashboards/meshscope.config.yaml'), 'utf8')).toMatch(
      new RegExp(`^# yaml-language-server: \\$schema=\\./${CONFIG_SCHEMA_FILE.replace(/\./g, '\\.')}\n`)
    );
    const validate = new Ajv2020({ allErrors: true, strict: true, strictTypes: false }).compile(JSON.parse(text));
    expect(validate(parse(readFileSync(join(__dirname, '../../dashboards/meshscope.config.yaml'), 'utf8')))).toBe(true);
    expect(validate({})).toBe(true);
    for (const [raw, message] of BAD.filter(([, m]) => !NOT_IN_JSON_SCHEMA(m))) {
      expect({ raw, message, accepted: validate(raw) }).toEqual({ raw, message, accepted: false });
    }
  });

  test('a bad config fails with the message and leaves the output directory untouched', () => {
    const out = join(dir, 'out');
    expect(run(['--out', out]).code).toBe(0);
    const before = snapshot(out);
    writeFileSync(
      join(dir, 'bad.yaml'),
      'labels:\n  cluster: "not a label"\nselectors:\n  istiod: app=istiod\nfolder: Mesh\n'
    );
    const r = run(['--config', join(dir, 'bad.yaml'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid config ${join(dir, 'bad.yaml')}`);
    expect(r.stderr).toContain('labels.cluster: "not a label" is not a Prometheus label name');
    expect(r.stderr).toContain('selectors.istiod: "app=istiod" is not PromQL label matchers');
    expect(snapshot(out)).toEqual(before);
    expect(run(['--config', join(dir, 'missing.yaml'), '--out', out]).stderr).toContain('cannot read');
    expect(run(['--bogus']).code).toBe(2);
  });

  test('flags override the file: data-source uid, cluster label, folder, --only; other files in the directory are kept', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'README.txt'), 'mine');
    const r = run([
      '--out',
      out,
      '--datasource-uid',
      'mimir',
      '--cluster-label',
      'k8s_cluster',
      '--folder',
      'Mesh',
      '--only',
      'meshscope-mesh,meshscope-service',
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'README.txt',
      'meshscope-mesh.json',
      'meshscope-service.json',
      'meshscope.yaml',
    ]);
    const mesh = readFileSync(join(out, 'meshscope-mesh.json'), 'utf8');
    expect(mesh).toContain('k8s_cluster=~\\"$cluster\\"');
    expect(mesh).not.toContain(' cluster=~');
    expect(JSON.parse(mesh).templating.list[0].current.value).toBe('mimir');
    expect(parse(readFileSync(join(out, 'meshscope.yaml'), 'utf8')).providers[0].folder).toBe('Mesh');
    expect(run(['--out', out, '--only', 'meshscope-nope']).stderr).toContain('dashboards[0]: must be one of');
  });

  test('--check passes on fresh output and lists changed, missing and stale files', () => {
    const out = join(dir, 'out');
    run(['--out', out]);
    expect(run(['--out', out, '--check'])).toMatchObject({ code: 0 });
    writeFileSync(join(out, 'meshscope-mesh.json'), '{}');
    rmSync(join(out, 'meshscope-wasm.json'));
    writeFileSync(join(out, 'meshscope-old.json'), '{}');
    const r = run(['--out', out, '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(out, 'meshscope-mesh.json'));
    expect(r.stderr).toContain(join(out, 'meshscope-wasm.json'));
    expect(r.stderr).toContain(join(out, 'meshscope-old.json'));
    expect(r.stderr).not.toContain('meshscope-service.json');
    expect(readFileSync(join(out, 'meshscope-mesh.json'), 'utf8')).toBe('{}');
  });
});

describe('writeFileAtomically', () => {
  test('replaces the file whole and leaves no staging file; a failed write leaves the old text', () => {
    const parent = mkdtempSync(join(tmpdir(), 'meshscope-atomic-'));
    try {
      const file = join(parent, 'schema.json');
      writeFileAtomically(file, 'old');
      writeFileAtomically(file, 'new');
      expect(readdirSync(parent)).toEqual(['schema.json']);
      expect(readFileSync(file, 'utf8')).toBe('new');
      // A directory in the way of the rename makes it fail after the staging copy was written.
      mkdirSync(join(parent, 'dir.json'));
      expect(() => writeFileAtomically(join(parent, 'dir.json'), 'x')).toThrow();
      expect(readdirSync(parent).sort()).toEqual(['dir.json', 'schema.json']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('writeAtomically', () => {
  test('an error while writing leaves the old directory as it was and no staging directory behind', () => {
    const parent = mkdtempSync(join(tmpdir(), 'meshscope-atomic-'));
    try {
      const out = join(parent, 'dashboards');
      writeAtomically(out, new Map([['meshscope-mesh.json', 'old']]));
      // A name the file system refuses (NUL) makes the second write throw after the first succeeded.
      expect(() =>
        writeAtomically(
          out,
          new Map([
            ['meshscope-mesh.json', 'new'],
            ['bad\0name.json', 'x'],
          ])
        )
      ).toThrow();
      expect(readdirSync(parent)).toEqual(['dashboards']);
      expect(readdirSync(out)).toEqual(['meshscope-mesh.json']);
      expect(readFileSync(join(out, 'meshscope-mesh.json'), 'utf8')).toBe('old');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
