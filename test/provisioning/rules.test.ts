// The Prometheus rules with promtool: they load, the Compose config loads them, and the unit tests under promtool/
// prove each alert fires when it should and stays quiet when it should not; with a laxer objective they fail.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_CONFIG, validateConfig } from '../../dashboards';
import { prometheusFiles, RULES_FILE } from '../../dashboards/provisioning/prometheus';
import type { RuleGroup } from '../../dashboards/provisioning/rules';
import { findPrometheusBinary } from '../helpers/prometheus';
import { runTool } from './tools';

const ROOT = join(__dirname, '../..');
const RULES = join(ROOT, 'provisioning/prometheus', RULES_FILE);
const TESTS = join(__dirname, 'promtool');
const testFiles = readdirSync(TESTS).filter((f) => f.endsWith('.test.yaml'));
const promtool = findPrometheusBinary('promtool');

test('promtool check rules passes on the rules file', () => {
  const r = runTool(promtool, ['check', 'rules', RULES]);
  expect(r).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});

test('promtool check config passes on the Compose Prometheus config and finds the rules beside it', () => {
  expect(runTool(promtool, ['check', 'config', join(ROOT, 'provisioning/prometheus/prometheus.yml')])).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});

test.each(testFiles)('promtool test rules %s', (file) => {
  expect(runTool(promtool, ['test', 'rules', join(TESTS, file)])).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
});

test('the unit tests fail against rules with a 50 % objective (the burn alerts then stay quiet)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshscope-rules-'));
  try {
    const lax = prometheusFiles(validateConfig({ alerts: { availabilityObjective: 0.5, latencyObjective: 0.5 } }));
    // Same relative layout as the repository: <dir>/provisioning/prometheus/<rules>, tests three levels below <dir>.
    mkdirSync(join(dir, 'provisioning/prometheus'), { recursive: true });
    writeFileSync(join(dir, 'provisioning/prometheus', RULES_FILE), lax.get(RULES_FILE)!);
    mkdirSync(join(dir, 'test/provisioning/promtool'), { recursive: true });
    copyFileSync(join(TESTS, 'slo.test.yaml'), join(dir, 'test/provisioning/promtool/slo.test.yaml'));
    const r = runTool(promtool, ['test', 'rules', join(dir, 'test/provisioning/promtool/slo.test.yaml')]);
    expect(r.code).toBe(1);
    expect(r.output).toContain('MeshscopeServiceErrorBudgetBurnFast');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('alerting rules', () => {
  const groups = (parse(readFileSync(RULES, 'utf8')) as { groups: RuleGroup[] }).groups;
  const alerts = groups.flatMap((g) => g.rules).filter((r) => r.alert !== undefined);
  const tested = testFiles.map((f) => readFileSync(join(TESTS, f), 'utf8')).join('\n');

  test.each(alerts.map((a) => [a.alert!, a]))('%s has a severity, summary, description and runbook hint, and a promtool test', (name, a) => {
    expect(['critical', 'warning']).toContain(a.labels?.severity);
    for (const key of ['summary', 'description', 'runbook']) {
      expect([key, (a.annotations?.[key] ?? '').length > 20]).toEqual([key, true]);
    }
    expect(tested).toContain(`alertname="${name}"`);
  });

  test('runbook_url links each alert when a runbook base URL is configured', () => {
    const withUrl = parse(prometheusFiles(validateConfig({ alerts: { runbookUrl: 'https://runbooks.example.com/istio' } })).get(RULES_FILE)!) as { groups: RuleGroup[] };
    const urls = withUrl.groups.flatMap((g) => g.rules).flatMap((r) => (r.alert ? [r.annotations?.runbook_url] : []));
    expect(urls).toContain('https://runbooks.example.com/istio#meshscopeistioddown');
    expect(urls.every((u) => u?.startsWith('https://runbooks.example.com/istio#'))).toBe(true);
    expect(alerts.every((a) => a.annotations?.runbook_url === undefined)).toBe(DEFAULT_CONFIG.alerts.runbookUrl === '');
  });
});
