// The stand-in CLI's transfers: progress text on stderr, and the failures of real networks
// and disks on demand.
import { spawn } from 'node:child_process';
import type { Modes } from './modes';
import { CliFailure, EXIT, type Output } from './output';

const GIB = 1024 ** 3;

const PROXY_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway' +
  '</h1></center><hr><center>nginx</center></body></html>';

const NOISE = [
  '[debug] tls: session resumed',
  '\u001b[2K',
  'progress: NaN%',
  'cpu 250% of one core',
  '{"partial": ',
];

export interface Transfer {
  verb: 'downloading' | 'uploading';
  bytes: number;
  modes: Modes;
  output: Output;
}

/** Prints cumulative percentages until done; throws a CliFailure where a mode says so. */
export async function simulateTransfer(transfer: Transfer): Promise<void> {
  const { modes, output, verb, bytes } = transfer;
  let restarted = false;
  for (let step = 1; step <= modes.steps; step++) {
    await delay(modes.stepMs);
    const percent = Math.round((step * 100) / modes.steps);
    if (modes.restartAt !== undefined && !restarted && percent >= modes.restartAt) {
      restarted = true;
      output.progress(`connection interrupted at ${percent}%, restarting ${verb}`);
      step = 0;
      continue;
    }
    if (modes.fail && percent >= modes.failAt) {
      failNow(modes, output);
    }
    if (verb === 'downloading' && (percent / 100) * bytes > modes.freeBytes) {
      output.progress(`write failed: No space left on device`);
      throw new CliFailure('No space left on device', EXIT.error, 'OSError');
    }
    if (modes.noise) {
      output.progress(NOISE[step % NOISE.length] ?? '');
      process.stderr.write(`[${'='.repeat(step)}>] ${percent}%\r`);
    }
    output.progress(`${verb}: ${percent}% (${gib((percent / 100) * bytes)} of ${gib(bytes)})`);
  }
}

function failNow(modes: Modes, output: Output): never {
  switch (modes.fail) {
    case 'disk-full':
      output.progress('write failed: No space left on device');
      throw new CliFailure('No space left on device', EXIT.error, 'OSError');
    case 'connection':
      output.progress('read tcp 127.0.0.1:50122: connection reset by peer');
      throw new CliFailure('connection reset by peer', EXIT.error, 'ConnectionError');
    case 'proxy-html':
      throw new CliFailure(PROXY_PAGE, EXIT.error, 'HTTPError');
    case 'crash':
      output.progress('panic: runtime error: invalid memory address');
      process.exit(2);
    case 'garbage':
      process.stdout.write('this is not JSON\n');
      process.exit(0);
    default:
      throw new CliFailure('unknown failure mode', EXIT.error);
  }
}

/** A child in the same process group, as the real CLI's helpers are; stop() ends it. */
export function startHelperChild(): { pid: number | undefined; stop: () => void } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });
  child.unref();
  const stop = (): void => {
    child.kill('SIGKILL');
  };
  // The crash and garbage modes leave through process.exit, past every finally.
  process.once('exit', stop);
  return { pid: child.pid, stop };
}

function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
