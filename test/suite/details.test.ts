import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode, TagNode, TemplateNode } from '../../src/tree/nodes';
import type { DetailsPanel, DetailsSnapshot } from '../../src/webviews/details/detailsPanel';
import { sampleTemplates } from '../registry/seed';
import {
  AMBIGUOUS_ID, detailsTemplates, EMPTY_ID, HOSTILE_ID, HOSTILE_NAME, HOSTILE_TAG,
} from '../registry/seedDetails';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { activateExtension, setRegistries, settle, waitFor } from './helpers';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';

describe('Template details in the extension host', () => {
  let registry: LocalRegistry;
  let api: AnkaRegistryApi;

  before(async () => {
    registry = await startLocalRegistry({ seed: [...sampleTemplates(), ...detailsTemplates()] });
    api = await activateExtension();
    await setRegistries([{ name: 'Details', url: registry.url }]);
  });

  afterEach(async () => {
    registry.clearFaults();
    api.details.panels.all().forEach((panel) => panel.dispose());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await setRegistries([]);
    await registry.close();
  });

  async function templateNode(id: string): Promise<TemplateNode> {
    const roots = await waitFor(
      () => api.provider.getChildren(),
      (nodes) => nodes.length === 1 && nodes[0]?.kind === 'registry',
      'the configured registry',
    );
    const templates = await api.provider.getChildren(roots[0] as RegistryNode);
    const node = templates.find((item) => item.kind === 'template' && item.summary.id === id);
    assert.ok(node?.kind === 'template', `template ${id} is in the tree`);
    return node;
  }

  async function tagNodes(id: string): Promise<TagNode[]> {
    const children = await api.provider.getChildren(await templateNode(id));
    return children.filter((node): node is TagNode => node.kind === 'tag');
  }

  function panelOf(id: string): DetailsPanel {
    const panel = api.details.panels.all().find((item) => item.templateId === id);
    assert.ok(panel, `a details panel for ${id}`);
    return panel;
  }

  function settled(panel: DetailsPanel, what = 'the panel to load'): Promise<DetailsSnapshot> {
    return waitFor(
      () => panel.snapshot(),
      (snap) =>
        snap.template === 'failed' ||
        (snap.template === 'ready' && snap.config !== 'loading' && snap.disk !== 'loading'),
      what,
    );
  }

  function activeTabInput(): unknown {
    return vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  }

  function waitForDiff(): Promise<unknown> {
    return waitFor(activeTabInput, (tab) => tab instanceof vscode.TabInputTextDiff, 'a diff');
  }

  function newPanel(title: string): vscode.WebviewPanel {
    const column = vscode.ViewColumn.Active;
    return vscode.window.createWebviewPanel('ankaRegistry.details', title, column);
  }

  it('opens details on the tag a click names, through the row\'s command', async () => {
    const ssh = (await tagNodes(SEQUOIA)).find((tag) => tag.version.tag === 'ssh');
    assert.ok(ssh);
    const command = api.provider.getTreeItem(ssh).command;
    assert.equal(command?.command, 'ankaRegistry.showDetails');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));

    const snap = await settled(panelOf(SEQUOIA));
    assert.equal(snap.template, 'ready');
    assert.equal(snap.config, 'ready');
    assert.equal(snap.selected, 1);
    assert.equal(snap.title, 'sequoia · ssh');
    assert.match(snap.html, /RAM<\/dt><dd>8G</);
    assert.match(snap.html, /VNC password<\/dt><dd>\*{8}</);
    assert.ok(!snap.html.includes('admin'), 'the VNC password stays masked');
    assert.match(snap.html, /Saved by sharing layers/);
    const tab = await waitFor(
      activeTabInput,
      (input) => input instanceof vscode.TabInputWebview,
      'the details tab',
    );
    assert.ok(tab instanceof vscode.TabInputWebview);
    assert.match(tab.viewType, /ankaRegistry\.details$/);
  });

  it('keeps one panel per template and switches it to the chosen tag', async () => {
    const [java, ssh] = await tagNodes(SEQUOIA);
    await vscode.commands.executeCommand('ankaRegistry.showDetails', ssh);
    await settled(panelOf(SEQUOIA));
    await vscode.commands.executeCommand('ankaRegistry.showDetails', java);
    const snap = await waitFor(
      () => panelOf(SEQUOIA).snapshot(),
      (current) => current.selected === 2 && current.config === 'ready',
      'the java17 tag',
    );
    assert.match(snap.html, /RAM<\/dt><dd>12G</);
    assert.equal(api.details.panels.all().length, 1);
  });

  it('opens a template row on its newest tag', async () => {
    await vscode.commands.executeCommand('ankaRegistry.showDetails', await templateNode(MONTEREY));
    const snap = await settled(panelOf(MONTEREY));
    assert.equal(snap.selected, 2);
    assert.match(snap.html, /vanilla\+port-forward-22\+brew-git \(newest\)/);
  });

  it('shows a failed config read in the panel, and recovers with Refresh', async () => {
    const [newest] = await tagNodes(SEQUOIA);
    api.details.configs.invalidate();
    registry.setFaults([{ path: '/registry/vm/info', kind: 'html', status: 502 }]);
    await vscode.commands.executeCommand('ankaRegistry.showDetails', newest);
    const failed = await settled(panelOf(SEQUOIA));
    assert.equal(failed.config, 'failed');
    assert.match(failed.html, /Could not read the VM config of this tag\./);
    assert.match(failed.html, /502 Bad Gateway/);
    registry.clearFaults();
    panelOf(SEQUOIA).refresh();
    const recovered = await settled(panelOf(SEQUOIA), 'the refreshed panel');
    assert.equal(recovered.config, 'ready');
  });

  it('shows a failed template read with Retry, never an endless spinner', async () => {
    api.details.panels.show({
      registry: { name: 'Details', url: registry.url },
      templateId: 'not-on-the-registry',
      templateName: 'missing',
    });
    const snap = await settled(panelOf('not-on-the-registry'));
    assert.equal(snap.template, 'failed');
    assert.match(snap.html, /Could not load the template missing\./);
    assert.match(snap.html, /template not-on-the-registry not found/);
    assert.match(snap.html, /data-action="refresh">Retry</);
  });

  it('asks by version number when a tag name is ambiguous', async () => {
    const tags = await tagNodes(AMBIGUOUS_ID);
    registry.clearRequests();
    await vscode.commands.executeCommand('ankaRegistry.showDetails', tags[0]);
    const snap = await settled(panelOf(AMBIGUOUS_ID));
    assert.match(snap.html, /CPU cores<\/dt><dd>8</);
    const asked = registry.requests.filter((request) => request.path === '/registry/vm/info');
    assert.deepEqual(asked.map((request) => request.query.version), ['2']);
  });

  it('renders markup in names, tags and config values as text', async () => {
    const tags = await tagNodes(HOSTILE_ID);
    await vscode.commands.executeCommand('ankaRegistry.showDetails', tags[0]);
    const snap = await settled(panelOf(HOSTILE_ID));
    assert.equal(snap.config, 'ready');
    assert.ok(!snap.html.includes(HOSTILE_NAME) && !snap.html.includes(HOSTILE_TAG));
    assert.ok(snap.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(snap.html.includes('&lt;u&gt;8G&lt;/u&gt;'));
    assert.ok(!/<(script|img|svg onload|b onmouseover)/.test(snap.html));
  });

  it('opens a tag\'s config as a read-only YAML document with the password masked', async () => {
    const [java] = await tagNodes(SEQUOIA);
    await vscode.commands.executeCommand('ankaRegistry.openConfig', java);
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (current) => current?.document.uri.scheme === 'anka-config',
      'the config editor',
    );
    const document = editor?.document as vscode.TextDocument;
    assert.equal(document.languageId, 'yaml');
    assert.match(document.getText(), /^ram: 12G$/m);
    assert.match(document.getText(), /password: '\*{8}'/);
    assert.ok(!document.getText().includes('admin'));
    const header = /^# VM config of tag "java17" \(version 2\) of template sequoia$/m;
    assert.match(document.getText(), header);
    assert.equal(document.isDirty, false);
  });

  it('opens the newest tag\'s config for a template row; nothing without tags', async () => {
    await vscode.commands.executeCommand('ankaRegistry.openConfig', await templateNode(MONTEREY));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (current) => current?.document.uri.scheme === 'anka-config',
      'the config editor',
    );
    assert.match(editor?.document.getText() ?? '', /tag "vanilla\+port-forward-22\+brew-git"/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('ankaRegistry.openConfig', await templateNode(EMPTY_ID));
    await settle(300);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('reads an open config document again when its template is refreshed in the tree', async () => {
    const [java] = await tagNodes(SEQUOIA);
    await vscode.commands.executeCommand('ankaRegistry.openConfig', java);
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.scheme,
      (scheme) => scheme === 'anka-config',
      'the config editor',
    );
    registry.clearRequests();
    const configReads = () =>
      registry.requests.filter((request) => request.path === '/registry/vm/info').length;
    await vscode.commands.executeCommand('ankaRegistry.refresh', await templateNode(SEQUOIA));
    await waitFor(configReads, (count) => count === 1, 'the config to be read again');
  });

  it('compares two selected tags in the diff editor, the older on the left', async () => {
    const [java, , suspended] = await tagNodes(SEQUOIA);
    await vscode.commands.executeCommand('ankaRegistry.compareTags', java, [java, suspended]);
    const input = await waitForDiff();
    assert.ok(input instanceof vscode.TabInputTextDiff);
    assert.match(decodeURIComponent(input.original.query), /tag=suspended/);
    assert.match(decodeURIComponent(input.modified.query), /tag=java17/);
    const label = vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';
    assert.equal(label, 'sequoia: suspended ↔ java17');
    const left = await vscode.workspace.openTextDocument(input.original);
    assert.match(left.getText(), /^ram: 8G$/m);
  });

  it('compares a tag with the one before it', async () => {
    const [, ssh] = await tagNodes(SEQUOIA);
    await vscode.commands.executeCommand('ankaRegistry.compareWithPrevious', ssh);
    const input = await waitForDiff();
    assert.ok(input instanceof vscode.TabInputTextDiff);
    assert.match(decodeURIComponent(input.original.query), /tag=suspended/);
    assert.match(decodeURIComponent(input.modified.query), /tag=ssh/);
  });

  it('opens nothing for the previous tag of the oldest tag', async () => {
    const tags = await tagNodes(SEQUOIA);
    await vscode.commands.executeCommand('ankaRegistry.compareWithPrevious', tags[tags.length - 1]);
    await settle(300);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab, undefined);
  });

  it('brings a panel back from the state its webview saved', async () => {
    const panel = newPanel('restoring');
    const restored = api.details.panels.restore(panel, {
      kind: 'ankaRegistry.details',
      registry: { name: 'Details', url: registry.url },
      templateId: MONTEREY,
      templateName: '12.4',
      version: 0,
    });
    assert.ok(restored);
    const snap = await settled(restored);
    assert.equal(snap.selected, 0);
    assert.equal(snap.title, '12.4 · vanilla');
    const broken = newPanel('broken');
    assert.equal(api.details.panels.restore(broken, { kind: 'something else' }), undefined);
    await settle(300);
    broken.dispose();
  });

  it('runs the palette commands without an item; a cancelled pick ends them', async () => {
    for (const command of ['showDetails', 'openConfig', 'compareTags', 'compareWithPrevious']) {
      const run = vscode.commands.executeCommand(`ankaRegistry.${command}`);
      await settle(600);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await run;
    }
    assert.equal(api.details.panels.all().length, 0);
  });
});
