import { readdir, readFile } from 'node:fs/promises';

/**
 * The CLI runs in its own process group, so a cancel can end it together with every child it
 * started. A group counts as gone when no member is left, or only zombies (exited processes
 * whose parent has not collected them) are left.
 */

export async function isGroupAlive(groupId: number): Promise<boolean> {
  try {
    process.kill(-groupId, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const members = await liveMembersOnLinux(groupId);
  return members === undefined ? true : members > 0;
}

/** Sends `signal` to the whole group; false when the group is gone already. */
export function signalGroup(groupId: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-groupId, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends SIGTERM to the group, SIGKILL after `graceMs`, and resolves once the group is gone
 * (true) or `limitMs` has passed (false).
 */
export async function endGroup(
  groupId: number,
  graceMs: number,
  limitMs: number,
): Promise<boolean> {
  const started = Date.now();
  signalGroup(groupId, 'SIGTERM');
  let killed = false;
  while (Date.now() - started < limitMs) {
    if (!(await isGroupAlive(groupId))) {
      return true;
    }
    if (!killed && Date.now() - started >= graceMs) {
      signalGroup(groupId, 'SIGKILL');
      killed = true;
    }
    await delay(25);
  }
  return !(await isGroupAlive(groupId));
}

/** Counts members of the group that are not zombies; undefined where /proc cannot be read. */
async function liveMembersOnLinux(groupId: number): Promise<number | undefined> {
  if (process.platform !== 'linux') {
    return undefined;
  }
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return undefined;
  }
  let live = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === groupId && fields[0] !== 'Z' && fields[0] !== 'X') {
      live++;
    }
  }
  return live;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
