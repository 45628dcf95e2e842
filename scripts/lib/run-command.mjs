// Runs a command with the terminal attached and turns failures into clear errors.
import { spawn } from 'node:child_process';

/** Process groups of commands started with a time limit, still running. */
const runningGroups = new Set();

/**
 * Runs `command args`, inheriting stdio; rejects with `what` in the message on failure.
 * With `timeoutMs` the command gets its own process group, which is killed (SIGTERM, then
 * SIGKILL) when it runs longer, or by killRunningGroups().
 */
export function runCommand(command, args, { what, cwd, env, timeoutMs } = {}) {
  const description = what ?? [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const detached = Boolean(timeoutMs);
    const child = spawn(command, args, { cwd, env, stdio: 'inherit', detached });
    if (detached && child.pid) runningGroups.add(child.pid);
    const timer = detached && setTimeout(() => stopLate(child, description, timeoutMs), timeoutMs);
    child.once('error', (error) => {
      reject(new Error(`${description}: could not start ${command} (${error.message})`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      runningGroups.delete(child.pid);
      if (code === 0) resolve();
      else reject(new Error(`${description} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Kills every process group that runCommand started and that still runs. */
export function killRunningGroups(signal = 'SIGTERM') {
  for (const pid of runningGroups) signalGroup(pid, signal);
}

function stopLate(child, description, timeoutMs) {
  console.error(`${description}: still running after ${timeoutMs / 1000} s, stopping it`);
  signalGroup(child.pid, 'SIGTERM');
  setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 10_000).unref();
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Seconds since `startMs`, for progress messages. */
export function secondsSince(startMs) {
  return `${((Date.now() - startMs) / 1000).toFixed(1)} s`;
}
