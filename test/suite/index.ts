import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

/**
 * Entry point of the extension-host suite, for @vscode/test-electron and for code-server (through
 * the `extensionTestsPath` payload). Prints one machine-readable result line for the runner.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort();
  files.forEach((file) => mocha.addFile(path.join(__dirname, file)));

  const counts = { passed: 0, failed: 0 };
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`EXTENSION-HOST-RESULT ${JSON.stringify(counts)}`);
      if (failures > 0) {
        reject(new Error(`${failures} extension-host tests failed`));
      } else {
        resolve();
      }
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', (test, error: Error) => {
      counts.failed++;
      console.log(`EXTENSION-HOST-FAIL ${test.fullTitle()}: ${error.stack ?? error.message}`);
    });
  });
}
