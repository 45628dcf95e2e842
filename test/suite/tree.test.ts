import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode, TagNode, TemplateNode } from '../../src/tree/nodes';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { activateExtension, descriptionOf, labelOf, setRegistries, waitFor } from './helpers';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';

describe('Registries tree in the extension host', () => {
  let registry: LocalRegistry;
  let api: AnkaRegistryApi;

  before(async () => {
    registry = await startLocalRegistry({ seed: 'sample' });
    api = await activateExtension();
    await setRegistries([{ name: 'Local', url: registry.url }]);
  });

  after(async () => {
    await setRegistries([]);
    await registry.close();
  });

  async function registryNode(): Promise<RegistryNode> {
    const roots = await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 1 && nodes[0]?.kind === 'registry',
      'the configured registry',
    );
    return roots[0] as RegistryNode;
  }

  it('contributes every command it declares', async () => {
    const declared = (
      vscode.extensions.getExtension('macci-tools.anka-registry-explorer')?.packageJSON.contributes
        .commands as Array<{ command: string }>
    ).map((item) => item.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of declared) {
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  it('shows the registry with its version once the status is read', async () => {
    const node = await registryNode();
    assert.equal(labelOf(api, node), 'Local');
    await waitFor(
      () => descriptionOf(api, node),
      (text) => text.includes('v1.13.0'),
      'the version',
    );
  });

  it('lists templates with arch, size and tag count', async () => {
    const node = await registryNode();
    const templates = (await api.provider.getChildren(node)) as TemplateNode[];
    const names = templates.map((template) => labelOf(api, template));
    assert.ok(names.includes('sequoia') && names.includes('12.4'), names.join(', '));
    const sequoia = templates.find((template) => template.summary.id === SEQUOIA);
    assert.ok(sequoia);
    const description = await waitFor(
      () => descriptionOf(api, sequoia),
      (text) => text.includes('arm64'),
      'the sequoia details',
    );
    assert.match(description, /^arm64 · 26\.3 GiB · 3 tags · pushed /);
  });

  it('expands a template to its tags, newest first', async () => {
    const node = await registryNode();
    const templates = (await api.provider.getChildren(node)) as TemplateNode[];
    const sequoia = templates.find((template) => template.summary.id === SEQUOIA);
    const tags = (await api.provider.getChildren(sequoia)) as TagNode[];
    assert.deepEqual(
      tags.map((tag) => labelOf(api, tag)),
      ['java17', 'ssh', 'suspended'],
    );
    assert.match(descriptionOf(api, tags[0] as TagNode), /^#2 · newest · /);
    const suspended = api.provider.getTreeItem(tags[2] as TagNode);
    assert.equal((suspended.iconPath as vscode.ThemeIcon).id, 'debug-pause');
  });

  it('shows an error node when the registry fails and recovers on refresh', async () => {
    const node = await registryNode();
    registry.setFaults([{ path: '/registry/v2/vm', kind: 'html', status: 502 }]);
    await vscode.commands.executeCommand('ankaRegistry.refresh', node);
    const failed = await api.provider.getChildren(node);
    assert.equal(failed[0]?.kind, 'error');
    assert.match(labelOf(api, failed[0] as never), /^Could not load templates/);
    assert.match(descriptionOf(api, failed[0] as never), /HTTP 502 Bad Gateway/);
    registry.clearFaults();
    await vscode.commands.executeCommand('ankaRegistry.retry', failed[0]);
    const recovered = await api.provider.getChildren(node);
    assert.ok(recovered.length > 3 && recovered.every((item) => item.kind === 'template'));
  });

  it('follows the setting when registries are added and removed', async () => {
    await setRegistries([
      { name: 'Local', url: registry.url },
      { name: 'Again', url: `${registry.url}/` },
    ]);
    const roots = await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 2,
      'two',
    );
    assert.notEqual(roots[0]?.id, roots[1]?.id);
    await setRegistries([{ name: 'Local', url: registry.url }]);
    await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 1,
      'one registry',
    );
  });

  it('runs palette commands without a tree item without failing', async () => {
    await vscode.commands.executeCommand('ankaRegistry.refresh');
    await vscode.commands.executeCommand('ankaRegistry.showLog');
    await vscode.commands.executeCommand('ankaRegistry.retry');
  });
});
