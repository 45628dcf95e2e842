// Run as `node activate-child.mjs BUNDLE`: the time to load the bundle and run activate() in a
// fresh Node with the `vscode` module stubbed; prints `{"ms": ...}`. The Node built-ins the
// bundle requires are loaded first: the extension host has them loaded long before.
import '../support/install-vscode-stub.cjs';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';

const stub = createRequire(import.meta.url)('../support/vscode-stub.cjs');
const [bundle] = process.argv.slice(2);
const secrets = {
  get: async () => undefined,
  store: async () => undefined,
  delete: async () => undefined,
  onDidChange: () => new stub.Disposable(),
};
const memento = {
  get: (_key, fallback) => fallback,
  update: async () => undefined,
  keys: () => [],
};
const context = {
  subscriptions: [],
  secrets,
  globalState: memento,
  workspaceState: memento,
  extensionUri: stub.Uri.file('/extension'),
  extensionPath: '/extension',
  logUri: stub.Uri.file('/tmp/anka-registry-bench-log'),
  globalStorageUri: stub.Uri.file('/tmp/anka-registry-bench-storage'),
  storageUri: undefined,
  extensionMode: 1,
  asAbsolutePath: (relative) => `/extension/${relative}`,
};

const required = readFileSync(bundle, 'utf8').matchAll(/require\("(?:node:)?([a-z_/]+)"\)/g);
const builtins = new Set([...required].map((match) => match[1]));
for (const name of builtins) {
  if (builtinModules.includes(name)) {
    createRequire(import.meta.url)(`node:${name}`);
  }
}

const cpu = process.cpuUsage();
const started = performance.now();
const extension = createRequire(import.meta.url)(bundle);
const api = extension.activate(context);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
if (!api?.model) {
  throw new Error('activate() did not return the extension API');
}
context.subscriptions.forEach((subscription) => subscription.dispose?.());
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
process.exit(0);
