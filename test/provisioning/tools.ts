// The command-line tools the provisioning tests run; missing ones fail with how to install them, never skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findKubectl(): string {
  for (const candidate of [process.env.KUBECTL_BIN, '/usr/bin/kubectl', '/usr/local/bin/kubectl']) {
    if (candidate && existsSync(candidate)) {
      return candidate;
    }
  }
  throw new Error('kubectl not found (looked in $KUBECTL_BIN, /usr/bin, /usr/local/bin); install it: sudo apt-get install kubectl (Kubernetes apt repository) or https://kubernetes.io/docs/tasks/tools/');
}

/** Exit code and output of a tool run, for assertions that show the tool's own message on failure. */
export function runTool(bin: string, args: string[]): { code: number; output: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

export function kustomize(dir: string): string {
  return execFileSync(findKubectl(), ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
