/**
 * A real server binary for integration tests: found on disk (or a thrown error saying how to install it), started
 * on a free loopback port in a fresh temp dir, waited for until ready, and stopped with its dir deleted.
 *
 *   const bin = findBinary('victoria-metrics', 'VICTORIA_METRICS_BIN', 'sudo apt-get install victoria-metrics');
 *   const vm = await startServer({ name: 'victoria-metrics', bin, args: (port, dir) => [...], readyPath: '/health' });
 *   await vm.stop();
 *
 * Every server still running when the test process exits is killed then, so a failing or interrupted test file
 * leaves nothing behind; stop() is idempotent and waits for the process to exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Absolute path of a binary: $env first, then /usr/bin and /usr/local/bin; else an error naming the install. */
export function findBinary(name: string, env: string, install: string): string {
  for (const candidate of [process.env[env], `/usr/bin/${name}`, `/usr/local/bin/${name}`]) {
    if (candidate && existsSync(candidate)) {
      return candidate;
    }
  }
  throw new Error(
    `${name} binary not found (looked in $${env}, /usr/bin, /usr/local/bin); install it with: ${install}`
  );
}

/** A free TCP port on 127.0.0.1 (bind to 0, read, release). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServerOptions {
  /** For messages: "prometheus", "vmalert", ... */
  name: string;
  bin: string;
  /** Command line, given the port to listen on and the temp dir (config files are written there first). */
  args: (port: number, dir: string) => string[];
  /** Files to write into the temp dir before starting: name → content. */
  files?: (port: number, dir: string) => Record<string, string>;
  /** GET path answering 200 once the server is ready. */
  readyPath: string;
  /** ms to wait for readiness (default 30 000). */
  readyTimeoutMs?: number;
}

export interface Server {
  name: string;
  url: string;
  port: number;
  dir: string;
  pid: number;
  /** The last 4 kB of its stderr and stdout, for failure messages. */
  log(): string;
  /** Replaces a file in its temp dir (e.g. a config before a reload). */
  write(file: string, content: string): void;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export async function startServer(o: ServerOptions): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), `meshscope-${o.name}-`));
  const port = await freePort();
  for (const [file, content] of Object.entries(o.files?.(port, dir) ?? {})) {
    writeFileSync(join(dir, file), content);
  }
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(o.bin, o.args(port, dir), { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    })
  );

  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const server: Server = {
    name: o.name,
    url,
    port,
    dir,
    pid: child.pid ?? -1,
    log: () => log,
    write: (file, content) => writeFileSync(join(dir, file), content),
    stop,
  };

  const timeout = o.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${o.name} exited during startup:\n${log}`);
    }
    try {
      if ((await fetch(`${url}${o.readyPath}`)).ok) {
        return server;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.name} not ready after ${timeout} ms:\n${log}`);
    }
    await sleep(100);
  }
}

/** Stops every server given, even when some fail to stop, then throws the first failure. */
export async function stopAll(servers: Array<{ stop(): Promise<void> } | undefined>): Promise<void> {
  const results = await Promise.allSettled(servers.map((s) => s?.stop()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
}
