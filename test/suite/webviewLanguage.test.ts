import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AnkaRegistryApi } from '../../src/extension';
import type { RegistryNode, TemplateNode } from '../../src/tree/nodes';
import { escapeHtml } from '../../src/webviews/details/html';
import { sampleTemplates } from '../registry/seed';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import { activateExtension, setRegistries, waitFor } from './helpers';

const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The panels render on the extension side with @vscode/l10n, configured from vscode.l10n: their
 * words must be the ones vscode.l10n gives, in whatever language VS Code runs, and the page must
 * say which language that is.
 */
describe('The panels in the display language', () => {
  let registry: LocalRegistry;
  let api: AnkaRegistryApi;

  before(async () => {
    registry = await startLocalRegistry({ seed: sampleTemplates() });
    api = await activateExtension();
    await setRegistries([{ name: 'Language', url: registry.url }]);
  });

  after(async () => {
    api.details.panels.all().forEach((panel) => panel.dispose());
    api.overviews.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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

  /** The words as the page holds them, escaped. */
  function shown(words: string): string {
    return escapeHtml(vscode.l10n.t(words));
  }

  function pageLanguage(page: string): void {
    const lang = new RegExp(`<html lang="${escapeRegExp(vscode.env.language)}">`);
    assert.match(page, lang, `the page declares ${vscode.env.language}`);
  }

  it('gives the details page the display language and the words of vscode.l10n', async () => {
    const templates = await api.provider.getChildren(await registryNode());
    const sequoia = templates.find(
      (node): node is TemplateNode => node.kind === 'template' && node.summary.id === SEQUOIA,
    );
    assert.ok(sequoia, 'sequoia is in the tree');
    await vscode.commands.executeCommand('ankaRegistry.showDetails', sequoia);
    const panel = api.details.panels.all().find((item) => item.templateId === SEQUOIA);
    assert.ok(panel, 'a details panel for sequoia');
    const snap = await waitFor(
      () => panel.snapshot(),
      (current) => current.template === 'ready' && current.config === 'ready',
      'the details of sequoia',
    );
    pageLanguage(panel.panel.webview.html);
    for (const words of ['Configuration', 'Sizes', 'Layers', 'Registry disk', 'Compare with…']) {
      assert.ok(snap.html.includes(shown(words)), `"${shown(words)}" is shown`);
    }
  });

  it('gives the Registry Overview page the display language and its words', async () => {
    const overview = api.overviews.show(await registryNode());
    const snap = await waitFor(
      () => overview.snapshot(),
      (current) => current.state === 'ready',
      'the overview figures',
    );
    pageLanguage(overview.panel.webview.html);
    assert.equal(overview.panel.title, vscode.l10n.t('Overview: {0}', 'Language'));
    for (const words of ['Registry Overview', 'Largest templates', 'Templates by arch']) {
      assert.ok(snap.html.includes(shown(words)), `"${shown(words)}" is shown`);
    }
  });
});
