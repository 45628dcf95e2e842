// Runs one scenario in its own session and leaves a screenshot behind, also when it fails.
import { screenshot, startSession } from '../harness/index.mjs';

export const SCENARIO_TIMEOUT_MS = 180_000;

/** Starts a session named `name`, runs `body(session)`, screenshots `<name>.png`, closes. */
export async function withSession(name, options, body) {
  const session = await startSession({ label: name, ...options });
  try {
    await body(session);
    await screenshot(session.page, name);
  } catch (error) {
    const file = await screenshot(session.page, `${name}-failed`).catch(() => null);
    if (file) error.message += `\n(screenshot: ${file}; logs: ${session.log.file})`;
    throw error;
  } finally {
    await session.close();
  }
}

/** User settings that configure the given registries. */
export function registrySettings(registries) {
  return { 'ankaRegistry.registries': registries };
}
