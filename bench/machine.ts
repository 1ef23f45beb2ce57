import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { CHROMIUM_PATH } from '../test/helpers/chromium';

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium not installed';
  }
}

/** One line naming what the figures were measured on: CPU, cores, memory, Node and Chromium versions. */
export function describeMachine(): string {
  const cpu = cpus();
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${memory}, Node ${process.version}, ${chromiumVersion()}`;
}
