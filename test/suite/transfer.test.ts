import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TransferResult } from '../../src/commands/transferProgress';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../../src/tree/nodes';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { activateExtension, EXTENSION_ID, labelOf, setRegistries, waitFor } from './helpers';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const ROOT_TOKEN = 'host-suite-root';
const VM = {
  uuid: '5e6f7a8b-1111-4222-8333-444455556666',
  name: 'host-suite-vm',
  status: 'stopped',
  tags: [],
  sizeBytes: 1024 ** 3,
  creationDate: '2026-12-01T00:00:00Z',
};

type Window = Record<string, unknown>;

/** Scripted answers for the window's questions; every message is recorded. */
class ScriptedWindow {
  picks: string[] = [];
  inputs: string[] = [];
  warningAnswer: string | undefined;
  readonly messages: Array<{ severity: string; text: string; actions: string[] }> = [];
  private readonly saved = new Map<string, unknown>();
  private readonly window = vscode.window as unknown as Window;

  install(): void {
    this.messages.length = 0;
    this.picks = [];
    this.inputs = [];
    this.warningAnswer = undefined;
    const record = (severity: string) => async (text: string, ...rest: unknown[]) => {
      const actions = rest.filter((item): item is string => typeof item === 'string');
      this.messages.push({ severity, text, actions });
      return severity === 'warning' ? this.warningAnswer : undefined;
    };
    this.replace('showInformationMessage', record('info'));
    this.replace('showWarningMessage', record('warning'));
    this.replace('showErrorMessage', record('error'));
    this.replace('showQuickPick', async (items: Array<{ label: string }>) => {
      const wanted = this.picks.shift();
      return items.find((item) => wanted !== undefined && item.label.includes(wanted));
    });
    this.replace('showInputBox', async (options: vscode.InputBoxOptions) => {
      const answer = this.inputs.shift();
      const problem = answer === undefined ? undefined : await options.validateInput?.(answer);
      if (problem) {
        throw new Error(`input "${answer}" refused: ${JSON.stringify(problem)}`);
      }
      return answer;
    });
  }

  restore(): void {
    this.saved.forEach((value, name) => {
      this.window[name] = value;
    });
    this.saved.clear();
  }

  texts(severity: string): string[] {
    return this.messages.filter((m) => m.severity === severity).map((m) => m.text);
  }

  private replace(name: string, stub: unknown): void {
    this.saved.set(name, this.window[name]);
    this.window[name] = stub;
  }
}

describe('Push and pull through the anka CLI in the extension host', () => {
  let registry: LocalRegistry;
  let api: AnkaRegistryApi;
  let home: string;
  const ui = new ScriptedWindow();
  const savedEnv = { ...process.env };

  before(async () => {
    registry = await startLocalRegistry({ seed: 'sample', controlRoutes: true });
    api = await activateExtension();
    await setRegistries([{ name: 'Local', url: registry.url }]);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const fake = path.join(extension?.extensionPath ?? '', 'test', 'fake-anka', 'anka');
    await setAnkaPath(fake);
  });

  after(async () => {
    await setAnkaPath(undefined);
    await setRegistries([]);
    await registry.close();
  });

  beforeEach(async () => {
    registry.reset();
    home = await mkdtemp(path.join(os.tmpdir(), 'anka-host-'));
    await writeFile(path.join(home, 'vms.json'), JSON.stringify([VM]));
    Object.assign(process.env, { FAKE_ANKA_HOME: home, FAKE_ANKA_STEP_MS: '20' });
    ui.install();
  });

  afterEach(async () => {
    ui.restore();
    for (const name of Object.keys(process.env).filter((key) => key.startsWith('FAKE_ANKA_'))) {
      if (savedEnv[name] === undefined) {
        delete process.env[name];
      }
    }
    await rm(home, { recursive: true, force: true });
  });

  function setAnkaPath(value: string | undefined): Thenable<void> {
    return vscode.workspace
      .getConfiguration('ankaRegistry')
      .update('ankaPath', value, vscode.ConfigurationTarget.Global);
  }

  async function sequoia(): Promise<{ registryNode: RegistryNode; template: TemplateNode }> {
    const roots = await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 1,
      'the registry',
    );
    const registryNode = roots[0] as RegistryNode;
    const templates = (await api.provider.getChildren(registryNode)) as TemplateNode[];
    const template = templates.find((node) => node.summary.id === SEQUOIA);
    assert.ok(template, 'sequoia is in the tree');
    return { registryNode, template };
  }

  async function tagNode(tag: string): Promise<TagNode> {
    const { template } = await sequoia();
    const tags = (await api.provider.getChildren(template)) as TagNode[];
    const node = tags.find((item) => item.version.tag === tag);
    assert.ok(node, `tag ${tag} is in the tree`);
    return node;
  }

  function run(command: 'pull' | 'push', node?: unknown): Thenable<TransferResult | undefined> {
    const id = `ankaRegistry.${command}`;
    return vscode.commands.executeCommand<TransferResult | undefined>(id, node);
  }

  const localTags = async (): Promise<string[] | undefined> => {
    const vms = JSON.parse(await readFile(path.join(home, 'vms.json'), 'utf8')) as typeof VM[];
    return vms.find((vm) => vm.uuid === SEQUOIA)?.tags;
  };

  it('pulls a tag from its row and says so', async () => {
    ui.picks = ['Pull'];
    const result = await run('pull', await tagNode('ssh'));
    assert.equal(result?.status, 'ok', JSON.stringify(result));
    assert.deepEqual(await localTags(), ['ssh']);
    assert.match(ui.texts('info')[0] ?? '', /^Pulled sequoia · ssh from Local to this Mac\.$/);
  });

  it('pulls the newest tag of a template chosen in the palette, with shrink', async () => {
    ui.picks = ['sequoia', 'Newest tag', 'Remove Other Local Tags'];
    const result = await run('pull');
    assert.equal(result?.status, 'ok', JSON.stringify(result));
    assert.match(result?.message ?? '', /Pulled sequoia · java17 from Local/);
    assert.deepEqual(await localTags(), ['java17']);
  });

  it('ends a pull on a full disk with an error that names it', async () => {
    process.env.FAKE_ANKA_FAIL = 'disk-full';
    ui.picks = ['Pull'];
    const result = await run('pull', await tagNode('ssh'));
    assert.equal(result?.status, 'failed');
    const error = ui.texts('error')[0] ?? '';
    assert.match(error, /the disk is full: No space left on device \(exit code 1\)/);
    assert.deepEqual(ui.messages.find((m) => m.severity === 'error')?.actions, ['Show Log']);
    assert.equal(await localTags(), undefined);
  });

  it('explains exit code 3 when the tag is gone from the registry', async () => {
    const node = await tagNode('java17');
    await fetch(`${registry.url}/registry/revert?id=${SEQUOIA}&version=2`, { method: 'DELETE' });
    ui.picks = ['Pull'];
    const result = await run('pull', node);
    assert.equal(result?.status, 'declined');
    const error = ui.texts('error')[0] ?? '';
    assert.match(error, /exit code 3: no such template or tag on the registry/);
  });

  it('warns before a pull that does not fit on the disk', async () => {
    process.env.FAKE_ANKA_FREE_BYTES = String(1024 ** 3);
    ui.picks = ['Pull'];
    ui.warningAnswer = undefined;
    const result = await run('pull', await tagNode('ssh'));
    assert.equal(result?.status, 'declined');
    const warning = ui.texts('warning')[0] ?? '';
    assert.match(warning, /ssh needs [\d.]+ GiB, but only 1\.0 GiB is free on this Mac/);
    assert.equal(await localTags(), undefined);
  });

  it('pushes a local VM as the next tag of a template and the tree shows it', async () => {
    const { template } = await sequoia();
    ui.picks = ['host-suite-vm'];
    ui.inputs = ['from-host-suite', 'Pushed by the extension-host suite'];
    const result = await run('push', template);
    assert.equal(result?.status, 'ok', JSON.stringify(result));
    const tags = await waitFor(
      async () => {
        const children = (await api.provider.getChildren(template)) as TagNode[];
        return children.map((node) => labelOf(api, node));
      },
      (labels) => labels.includes('from-host-suite'),
      'the pushed tag in the tree',
    );
    assert.equal(tags[0], 'from-host-suite', 'the newest tag comes first');
  });

  it('offers the two real choices when a template of the name has another id', async () => {
    await writeFile(path.join(home, 'vms.json'), JSON.stringify([{ ...VM, name: 'sequoia' }]));
    const { registryNode } = await sequoia();
    ui.picks = ['sequoia', 'Under another name'];
    ui.inputs = ['sequoia-copy', 'first', ''];
    const result = await run('push', registryNode);
    assert.equal(result?.status, 'ok', JSON.stringify(result));
    const names = registry.templates().map((t) => t.name);
    assert.ok(names.includes('sequoia-copy'), names.join(', '));
    assert.equal(registry.template(SEQUOIA)?.versions.length, 3, 'sequoia is untouched');
  });

  describe('on a registry that needs sign-in', () => {
    let secured: LocalRegistry;

    before(async () => {
      secured = await startLocalRegistry({ seed: 'sample', rootToken: ROOT_TOKEN });
    });

    after(async () => {
      await setRegistries([{ name: 'Local', url: registry.url }]);
      await secured.close();
    });

    async function securedTag(entry: Record<string, unknown>, tag: string): Promise<TagNode> {
      await vscode.workspace
        .getConfiguration('ankaRegistry')
        .update('registries', [entry], vscode.ConfigurationTarget.Global);
      const roots = await waitFor(
        () => api.provider.getChildren(),
        (nodes) => nodes.length === 1 && labelOf(api, nodes[0] as RegistryNode) === entry.name,
        'the secured registry',
      );
      const isSequoia = (node: TreeNode): node is TemplateNode =>
        node.kind === 'template' && node.summary.id === SEQUOIA;
      const templates = await waitFor(
        () => api.provider.getChildren(roots[0]),
        (nodes) => nodes.some(isSequoia),
        'its templates',
      );
      const tags = (await api.provider.getChildren(templates.find(isSequoia))) as TagNode[];
      const found = tags.find((node) => node.version.tag === tag);
      assert.ok(found, `tag ${tag} under the secured registry`);
      return found;
    }

    it('pulls with the API key from SecretStorage', async () => {
      const pem = await createKeyAsRoot(secured.url, 'host-suite-cli');
      const entry = {
        name: 'Secured',
        url: secured.url,
        auth: 'apiKey',
        apiKeyId: 'host-suite-cli',
      };
      await api.secrets.replace(entry, { apiKeyPem: pem });
      ui.picks = ['Pull'];
      const result = await run('pull', await securedTag(entry, 'ssh'));
      assert.equal(result?.status, 'ok', JSON.stringify(result));
      const argsFile = await readFile(path.join(home, 'last-args.json'), 'utf8');
      const args = JSON.parse(argsFile) as string[];
      assert.equal(args[args.indexOf('--api-key-id') + 1], 'host-suite-cli');
      const keyInArgs = args.some((arg) => arg.includes('PRIVATE KEY'));
      assert.ok(!keyInArgs, 'the key goes as a file, not as an argument');
    });

    it('says plainly that the CLI cannot take a root token', async () => {
      const entry = { name: 'Rooted', url: secured.url, auth: 'rootToken' };
      await api.secrets.replace(entry, { rootToken: ROOT_TOKEN });
      ui.picks = ['Pull'];
      const result = await run('pull', await securedTag(entry, 'ssh'));
      assert.equal(result, undefined);
      const error = ui.texts('error')[0] ?? '';
      assert.match(error, /"Rooted" uses a root token, and the anka CLI cannot be given a root/);
      assert.match(error, /Use an API key or a client certificate/);
    });
  });

  it('says plainly when there is no anka CLI, and offers Copy Pull Command', async () => {
    await setAnkaPath(path.join(home, 'no-anka-here'));
    try {
      const result = await run('pull', await tagNode('ssh'));
      assert.equal(result, undefined);
      const warning = await waitFor(() => ui.messages, (m) => m.length > 0, 'the warning');
      assert.match(warning[0]?.text ?? '', /needs the Anka CLI.*ankaPath points to .*no-anka-here/);
      const text = warning[0]?.text ?? '';
      assert.match(text, /runs on a Mac with Anka installed, also through Remote-SSH/);
      assert.deepEqual(warning[0]?.actions, ['Copy Pull Command', 'Open Settings']);
      const pushed = await vscode.commands.executeCommand('ankaRegistry.push');
      assert.equal(pushed, undefined, 'push from the palette stops too, without a crash');
    } finally {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      await setAnkaPath(path.join(extension?.extensionPath ?? '', 'test', 'fake-anka', 'anka'));
    }
  });
});

/** Registers an API key as root and returns its private key as PEM. */
async function createKeyAsRoot(url: string, id: string): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const response = await fetch(`${url}/v1/apikey`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`root:${ROOT_TOKEN}`).toString('base64')}`,
    },
    body: JSON.stringify({
      id,
      ttl: 3600,
      groups: ['ci'],
      publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    }),
  });
  assert.equal(((await response.json()) as { status: string }).status, 'OK');
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}
