import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { usedSecrets } from './authFixtures';
import { activateExtension } from './helpers';

// Runs after auth, authHttps and authKeys: by then a whole session of signing in was logged.
describe('The "Anka Registry" log after signing in to secure registries', () => {
  // auth.test.js turned on trace logging for this check; the suites after it need no more.
  after(() => vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info'));

  it('holds the requests but none of the secrets', async () => {
    const api = await activateExtension();
    const file = vscode.Uri.joinPath(api.logFolder, 'Anka Registry.log').fsPath;
    const text = await readFile(file, 'utf8');
    assert.match(text, /GET http:\/\/127\.0\.0\.1:\d+\/registry\/v2\/vm → 200/, 'no requests');
    assert.match(text, /POST http:\/\/127\.0\.0\.1:\d+\/tap\/v1\/shake → 200/, 'no handshake');
    assert.match(text, /GET https:\/\/127\.0\.0\.1:\d+\/registry\/v2\/vm → 200/, 'no https');
    assert.ok(usedSecrets.length >= 6, `the auth suites ran first (${usedSecrets.length} secrets)`);
    for (const secret of usedSecrets) {
      assert.ok(!text.includes(secret), `a secret (${secret.length} characters) is in the log`);
    }
    assert.doesNotMatch(text, /authorization|Basic [A-Za-z0-9+/=]{8,}|Bearer [A-Za-z0-9+/=]{8,}/i);
  });

  it('leaves every secret out of the settings', () => {
    const inspected = vscode.workspace.getConfiguration('ankaRegistry').inspect('registries');
    const settings = JSON.stringify(inspected);
    for (const secret of usedSecrets) {
      assert.ok(!settings.includes(secret), 'a secret is in the settings');
    }
  });
});
