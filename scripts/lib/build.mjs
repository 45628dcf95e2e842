// Builds the extension bundle and compiles src/ and test/ into out/.
import { runCommand, secondsSince } from './run-command.mjs';

/** `npm run build` then `npx tsc -p .`, in `repoRoot`. */
export async function buildAndCompile(repoRoot) {
  const start = Date.now();
  await runCommand('npm', ['run', '--silent', 'build'], { what: 'npm run build', cwd: repoRoot });
  await runCommand('npx', ['tsc', '-p', '.'], { what: 'npx tsc -p .', cwd: repoRoot });
  console.log(`Built and compiled in ${secondsSince(start)}`);
}
