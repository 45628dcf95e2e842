// Starts a child in its own process group and stops the whole group, children included.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Groups still running; killed when this process exits or is told to stop. */
const liveGroups = new Set();
let cleanupInstalled = false;

/** Spawns `command` detached (a new process group); output goes to `logStream`. */
export function spawnGroup(command, args, { env, cwd, logStream }) {
  installCleanup();
  const child = spawn(command, args, {
    env,
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveGroups.add(child.pid);
  child.stdout.pipe(logStream, { end: false });
  child.stderr.pipe(logStream, { end: false });
  return child;
}

/** Kills the child's process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function killGroup(child, graceMs = 3000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  // Children that ignored SIGTERM (the file watcher) must not outlive the group leader.
  signalGroup(child.pid, 'SIGKILL');
  liveGroups.delete(child.pid);
}

// A detached group survives its parent, so an interrupted test run must take it down.
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => killLiveGroups());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, function onSignal() {
      killLiveGroups();
      if (process.listenerCount(signal) > 1) return; // The program handles it itself.
      // Alone: re-raise without this handler, so the process ends by the signal as usual.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    });
  }
}

function killLiveGroups() {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  liveGroups.clear();
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}
