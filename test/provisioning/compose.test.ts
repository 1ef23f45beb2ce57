// docker-compose.yml without a Docker engine: it validates against the Compose schema, every file it mounts exists
// after the build, and its service names and ports agree with the provisioned data source, provider and scrape config.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { DEFAULT_CONFIG } from '../../dashboards';
import { DASHBOARDS_PATH } from '../../dashboards/provisioning/grafana';

const ROOT = join(__dirname, '../..');
interface Service {
  image: string;
  command?: string[];
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const binds = Object.values(services).flatMap((s) => (s.volumes ?? []).map((v) => v.split(':')).filter(([source]) => source.startsWith('.')));
const mountTarget = (source: string) => binds.find(([s]) => s === source)?.[1];

test('docker-compose.yml validates against the Compose specification schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, '../schemas/compose-spec.2020-12.schema.json'), 'utf8')));
  expect({ ok: validate(compose), errors: validate.errors ?? null }).toEqual({ ok: true, errors: null });
});

test('every bind-mounted path exists after the build, the plugin is the built one', () => {
  expect(binds.length).toBeGreaterThanOrEqual(5);
  for (const [source] of binds) {
    expect([source, existsSync(resolve(ROOT, source))]).toEqual([source, true]);
  }
  expect(mountTarget('./dist')).toBe('/var/lib/grafana/plugins/meshscope-mesh-panel');
  expect(JSON.parse(readFileSync(join(ROOT, 'dist/plugin.json'), 'utf8')).id).toBe('meshscope-mesh-panel');
});

test('images are pinned, every service has a health check, the plugin is allowed unsigned', () => {
  for (const [name, s] of Object.entries(services)) {
    expect([name, /:v?[0-9][^:]*$/.test(s.image) && !s.image.endsWith(':latest')]).toEqual([name, true]);
    expect([name, s.healthcheck?.test.length]).toEqual([name, expect.any(Number)]);
  }
  expect((services.grafana as Service & { environment: Record<string, string> }).environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe('meshscope-mesh-panel');
});

test('names and ports agree: data source → prometheus, scrape → simulator, provider path → dashboards mount, rules beside the config', () => {
  const ds = parse(readFileSync(join(ROOT, 'provisioning/grafana/datasources/meshscope.yaml'), 'utf8')).datasources[0];
  expect(ds.uid).toBe(DEFAULT_CONFIG.datasource.uid);
  const url = new URL(ds.url);
  expect(services[url.hostname].ports).toContain(`${url.port}:${url.port}`);

  const prom = parse(readFileSync(join(ROOT, 'provisioning/prometheus/prometheus.yml'), 'utf8'));
  const sd = new URL(prom.scrape_configs[0].http_sd_configs[0].url);
  expect(services[sd.hostname].command!.join(' ')).toContain(`--port ${sd.port}`);
  expect(services.prometheus.command).toContain(`--config.file=${mountTarget('./provisioning/prometheus')}/prometheus.yml`);
  expect(existsSync(join(ROOT, 'provisioning/prometheus', prom.rule_files[0]))).toBe(true);

  const provider = parse(readFileSync(join(ROOT, 'provisioning/grafana/dashboards/meshscope.yaml'), 'utf8')).providers[0];
  expect(provider.options.path).toBe(DASHBOARDS_PATH);
  expect(mountTarget('./provisioning/dashboards')).toBe(DASHBOARDS_PATH);
  expect(mountTarget('./provisioning/grafana/dashboards')).toBe('/etc/grafana/provisioning/dashboards');
  expect(mountTarget('./provisioning/grafana/datasources')).toBe('/etc/grafana/provisioning/datasources');
});
