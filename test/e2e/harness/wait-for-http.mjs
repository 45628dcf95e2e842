// Waits for code-server's health endpoint, failing early when the process dies.
const POLL_MS = 100;

/** Resolves when `GET url/healthz` answers 200; rejects on exit of `child` or timeout. */
export async function waitForHealthz(url, child, logFile, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.exitCode ?? child.signalCode;
      throw new Error(`code-server exited (${how}) before it was ready; see ${logFile}`);
    }
    if (await answersOk(`${url}/healthz`)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`code-server did not answer ${url}/healthz in ${timeoutMs} ms; see ${logFile}`);
}

async function answersOk(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
