// Runs the extension-host suite in desktop VS Code through @vscode/test-electron, on machines
// that can download it. Here the same suite runs in code-server (scripts/test.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'suite', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`The extension-host suite failed or VS Code could not start: ${error}`);
  process.exitCode = 1;
}
