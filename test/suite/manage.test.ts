import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../../src/tree/nodes';
import { RegistryClient } from '../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { activateExtension, descriptionOf, labelOf, setRegistries, waitFor } from './helpers';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';
const APPIUM = '2fa0f10e-e91e-4665-8d42-00a39b9707de';

type Stubbed = Record<string, unknown>;

/** Replaces window functions for one test; the modal and quick picks answer as scripted. */
class WindowStubs {
  readonly modals: Array<{ message: string; detail: string; buttons: string[] }> = [];
  readonly errors: string[] = [];
  readonly infos: string[] = [];
  pickAnswers: Array<string | undefined> = [];
  confirm = true;
  private readonly saved = new Map<string, unknown>();
  private readonly target = vscode.window as unknown as Stubbed;

  install(): void {
    this.replace('showWarningMessage', async (message: string, ...rest: unknown[]) => {
      const [options, ...buttons] = rest as [{ detail?: string }, ...string[]];
      this.modals.push({ message, detail: options?.detail ?? '', buttons });
      return this.confirm ? buttons[0] : undefined;
    });
    this.replace('showErrorMessage', async (message: string) => {
      this.errors.push(message);
      return undefined;
    });
    this.replace('showInformationMessage', async (message: string) => {
      this.infos.push(message);
      return undefined;
    });
    this.replace('showQuickPick', async (items: Array<{ label: string }>) => {
      const label = this.pickAnswers.shift();
      return label === undefined ? undefined : items.find((item) => item.label === label);
    });
  }

  restore(): void {
    for (const [name, value] of this.saved) {
      this.target[name] = value;
    }
    this.saved.clear();
  }

  private replace(name: string, stub: unknown): void {
    this.saved.set(name, this.target[name]);
    this.target[name] = stub;
  }
}

describe('Managing templates in the extension host', () => {
  let registry: LocalRegistry;
  let raw: RegistryClient;
  let api: AnkaRegistryApi;
  let stubs: WindowStubs;

  before(async () => {
    // The registry caches its list like a real one: the tree must not trust a stale list.
    registry = await startLocalRegistry({ seed: 'sample', listCacheTtlMs: 30_000 });
    raw = new RegistryClient({ name: 'raw', url: registry.url, timeoutMs: 5000 });
    api = await activateExtension();
    await setRegistries([{ name: 'Local', url: registry.url }]);
  });

  after(async () => {
    await setRegistries([]);
    await raw.close();
    await registry.close();
  });

  beforeEach(() => {
    registry.reset();
    registry.clearFaults();
    registry.clearRequests();
    stubs = new WindowStubs();
    stubs.install();
    api.model.refresh();
  });

  afterEach(() => stubs.restore());

  async function registryNode(): Promise<RegistryNode> {
    const roots = await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 1 && nodes[0]?.kind === 'registry',
      'the configured registry',
    );
    return roots[0] as RegistryNode;
  }

  async function templates(): Promise<TemplateNode[]> {
    const children = await api.provider.getChildren(await registryNode());
    return children.filter((node): node is TemplateNode => node.kind === 'template');
  }

  async function template(id: string): Promise<TemplateNode> {
    const found = (await templates()).find((node) => node.summary.id === id);
    assert.ok(found, `template ${id} shows`);
    return found;
  }

  async function tags(id: string): Promise<TagNode[]> {
    const children: TreeNode[] = await api.provider.getChildren(await template(id));
    return children.filter((node): node is TagNode => node.kind === 'tag');
  }

  it('reverts a tag from its row: confirms the exact list, then the tags are gone', async () => {
    const ssh = (await tags(SEQUOIA)).find((tag) => tag.version.tag === 'ssh');
    await vscode.commands.executeCommand('ankaRegistry.revert', ssh);

    const [modal] = stubs.modals;
    assert.equal(modal?.message, 'Revert 2 tags of template "sequoia"?');
    assert.deepEqual(modal?.buttons, ['Revert 2 Tags']);
    assert.match(modal?.detail ?? '', /• java17 \(version 2\)\n {2}• ssh \(version 1\)/);
    const left = await waitFor(
      async () => (await tags(SEQUOIA)).map((tag) => labelOf(api, tag)),
      (labels) => labels.length === 1,
      'one tag left',
    );
    assert.deepEqual(left, ['suspended']);
    assert.match(descriptionOf(api, await template(SEQUOIA)), / · 1 tag · /);
    assert.match(stubs.infos[0] ?? '', /^Reverted 2 tags of "sequoia" on "Local"/);
  });

  it('deletes a template; the tree drops it while the registry list still names it', async () => {
    await vscode.commands.executeCommand('ankaRegistry.deleteTemplate', await template(APPIUM));
    assert.equal(stubs.modals[0]?.buttons[0], 'Delete Template');
    assert.equal(registry.template(APPIUM), undefined);
    assert.ok((await raw.listTemplates()).some((summary) => summary.id === APPIUM));
    const ids = (await templates()).map((node) => node.summary.id);
    assert.ok(!ids.includes(APPIUM), 'the deleted template is not in the tree');
    assert.ok(ids.includes(SEQUOIA));
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    stubs.confirm = false;
    const before = registry.templates();
    await vscode.commands.executeCommand('ankaRegistry.revertLatest', await template(MONTEREY));
    assert.equal(stubs.modals.length, 1);
    assert.deepEqual(registry.templates(), before);
    assert.deepEqual(stubs.errors, []);
  });

  it('sets the arch from the palette and the row shows it', async () => {
    stubs.pickAnswers = ['12.4', 'arm64'];
    await vscode.commands.executeCommand('ankaRegistry.setArch');
    assert.equal(registry.template(MONTEREY)?.arch, 'arm64');
    const node = await template(MONTEREY);
    await waitFor(() => descriptionOf(api, node), (text) => text.startsWith('arm64 · '), 'arm64');
  });

  it('hides revert and delete on a registry that answered 403', async () => {
    registry.setFaults([{ method: 'DELETE', path: '/registry/*', kind: 'status', status: 403 }]);
    await vscode.commands.executeCommand('ankaRegistry.deleteTemplate', await template(MONTEREY));
    assert.match(stubs.errors[0] ?? '', /lack the "delete_revert" permission/);
    const item = api.provider.getTreeItem(await template(SEQUOIA));
    assert.match(item.contextValue ?? '', /^template\b.*\bdeny-delete_revert\b/);
    const tag = (await tags(SEQUOIA))[0] as TagNode;
    assert.match(api.provider.getTreeItem(tag).contextValue ?? '', /\bdeny-delete_revert\b/);
    await vscode.commands.executeCommand('ankaRegistry.refresh', await registryNode());
    const refreshed = api.provider.getTreeItem(await template(SEQUOIA));
    assert.doesNotMatch(refreshed.contextValue ?? '', /deny/);
  });

  it('copies the pull command of a tag to the clipboard', async () => {
    const tag = (await tags(MONTEREY)).find((node) => node.version.tag.includes('+brew'));
    await vscode.commands.executeCommand('ankaRegistry.copyPullCommand', tag);
    const expected =
      `anka registry -r ${registry.url} pull -t vanilla+port-forward-22+brew-git 12.4`;
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.match(stubs.infos[0] ?? '', /^Copied the pull command: anka registry/);
  });

  it('runs every template command from the palette; a dismissed pick stops it', async () => {
    const commands = [
      'revert', 'revertLatest', 'setArch', 'deleteTemplate',
      'copyTemplateId', 'copyTagName', 'copyPullCommand',
    ];
    for (const command of commands) {
      stubs.pickAnswers = [undefined];
      await vscode.commands.executeCommand(`ankaRegistry.${command}`);
    }
    assert.deepEqual(stubs.errors, []);
    assert.deepEqual(stubs.modals, []);
    assert.deepEqual(registry.requests.filter((request) => request.method !== 'GET'), []);
  });
});
